namespace AgentHost.Gateway.Status;

/// <summary>Reports the gateways' state. Registered by <c>AddAgentCoreGateways</c>; cheap (no network call).</summary>
public interface IGatewayStatusProvider
{
    /// <summary>One entry per configured gateway (empty when none is configured).</summary>
    /// <returns>The statuses, in configuration order.</returns>
    IReadOnlyList<GatewayStatus> GetStatus();

    /// <summary>The number of tools currently offered from all gateways together (after name mapping).</summary>
    int ToolCount { get; }
}
