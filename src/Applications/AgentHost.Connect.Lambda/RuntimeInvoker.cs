using AgentHost.Connect.Bridge;
using AgentHost.Connect.Lambda.Configuration;
using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda;

/// <summary>Runs turns on the AgentCore runtime for the bridge (InvokeAgentRuntime through <c>AgentHost.AgentCore.Client</c>).</summary>
internal sealed class RuntimeInvoker : IAgentTurnInvoker, IDisposable
{
    private RuntimeInvoker()
    {
    }

    /// <summary>Creates the invoker for the configured runtime.</summary>
    public static RuntimeInvoker Create(LambdaSettings settings, ConnectBridgeOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        return new RuntimeInvoker();
    }

    /// <inheritdoc />
    public Task<AgentTurnOutcome> InvokeAsync(AgentTurnCall call, CancellationToken cancellationToken)
        => Task.FromResult(AgentTurnOutcome.Failed(AgentTurnFailure.Unreachable, "The AgentCore client is not wired yet."));

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
