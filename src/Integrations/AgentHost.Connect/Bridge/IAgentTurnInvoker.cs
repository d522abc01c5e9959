namespace AgentHost.Connect.Bridge;

/// <summary>
/// Runs one turn on the agent runtime for the bridge (in the Lambda: InvokeAgentRuntime through
/// <c>AgentHost.AgentCore.Client</c>). Implementations never throw for runtime failures: they report them in the outcome.
/// </summary>
public interface IAgentTurnInvoker
{
    /// <summary>Runs or collects a turn, waiting at most until <see cref="AgentTurnCall.ReplyBy"/>.</summary>
    /// <param name="call">The turn.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished turn, a turn still running in the runtime, or a failure.</returns>
    Task<AgentTurnOutcome> InvokeAsync(AgentTurnCall call, CancellationToken cancellationToken);
}
