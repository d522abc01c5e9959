namespace AgentHost.Hosting.Startup;

/// <summary>What the shared start-up found.</summary>
/// <param name="ToolCount">The tools in the gateway catalog when start-up finished.</param>
/// <param name="ToolsDiscovered">False when a configured gateway was not listed within <c>Runtime:GatewayStartupWaitSeconds</c> (it keeps being retried in the background).</param>
public sealed record StartupReport(int ToolCount, bool ToolsDiscovered);
