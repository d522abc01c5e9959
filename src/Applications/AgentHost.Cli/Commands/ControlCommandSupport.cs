using System.CommandLine;
using AgentHost.Hosting.Composition;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Cli.Commands;

/// <summary>Opens the control layer's stores the way the host does (from the same settings), for the approvals and audit commands.</summary>
internal static class ControlCommandSupport
{
    /// <summary>The control registration for the configured store; dispose it when done.</summary>
    public static ControlRegistration Open(GlobalOptions global, ParseResult parse)
    {
        var (_, settings) = global.Load(parse);
        return ControlFactory.Create(settings, TimeProvider.System, NullLoggerFactory.Instance);
    }
}
