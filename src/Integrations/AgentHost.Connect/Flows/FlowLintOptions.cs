namespace AgentHost.Connect.Flows;

/// <summary>Settings of the flow linter.</summary>
public sealed class FlowLintOptions
{
    /// <summary>The most actions a flow may have. Default 250 (Connect's documented default quota of blocks per flow; raise it if your instance's quota is higher).</summary>
    public int MaxActions { get; set; } = 250;

    /// <summary>Report actions without an error branch as warnings. Default true.</summary>
    public bool RequireErrorBranches { get; set; } = true;
}
