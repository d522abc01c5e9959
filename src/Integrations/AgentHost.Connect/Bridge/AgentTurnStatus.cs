namespace AgentHost.Connect.Bridge;

/// <summary>How a turn call ended for the bridge.</summary>
public enum AgentTurnStatus
{
    /// <summary>The turn finished; its answer is in the outcome.</summary>
    Completed,

    /// <summary>The turn goes on in the runtime; the next event collects it by its turn id.</summary>
    Running,

    /// <summary>The runtime could not be reached or failed; see <see cref="AgentTurnOutcome.Failure"/>.</summary>
    Failed,
}
