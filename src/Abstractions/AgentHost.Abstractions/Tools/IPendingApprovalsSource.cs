namespace AgentHost.Abstractions.Tools;

/// <summary>
/// Reports how many tool-call approvals are waiting for a decision, for the <c>agenthost.approvals.pending</c> gauge. Register
/// implementations in the service container (e.g. the control layer's approval service); the gauge sums every registered
/// source when the metrics are collected.
/// </summary>
/// <remarks>Called on the metrics collection thread, so it must be fast and must not block: return a cached count.</remarks>
public interface IPendingApprovalsSource
{
    /// <summary>The number of approvals currently pending.</summary>
    long CountPending();
}
