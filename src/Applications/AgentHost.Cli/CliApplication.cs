using System.CommandLine;
using AgentHost.Cli.Commands;
using AgentHost.Hosting.Configuration;

namespace AgentHost.Cli;

/// <summary>The <c>agenthost</c> command line.</summary>
internal static class CliApplication
{
    /// <summary>Exit code for usage or configuration errors.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var global = new GlobalOptions(context.Error);
        var clients = new AgentClientFactory(global);
        var root = new RootCommand("AgentHost: a Strands-style agent host for Amazon Bedrock AgentCore and Amazon Connect.");
        global.AddTo(root);
        root.Subcommands.Add(ChatCommand.Create(clients, context));
        root.Subcommands.Add(InvokeCommand.Create(clients, context));
        root.Subcommands.Add(SessionsCommand.Create(global, context));
        root.Subcommands.Add(DevGatewayCommand.Create(context));
        root.Subcommands.Add(ConfigCommand.Create(global, context));
        root.Subcommands.Add(StoreCommand.Create(global, context));
        root.Subcommands.Add(PolicyCommand.Create(global, context));
        root.Subcommands.Add(ApprovalsCommand.Create(global, context));
        root.Subcommands.Add(AuditCommand.Create(global, context));
        root.Subcommands.Add(SupervisorCommand.Create(global, context));
        root.Subcommands.Add(FlowCommand.Create(context));

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (Exception ex) when (ex is ConfigurationValidationException or FileNotFoundException or ArgumentException)
        {
            await context.Error.WriteLineAsync(ex.Message);
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }
}
