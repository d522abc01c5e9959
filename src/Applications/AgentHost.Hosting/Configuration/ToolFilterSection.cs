namespace AgentHost.Hosting.Configuration;

/// <summary>Tool allow/deny lists (section <c>Agent:Tools</c>): glob patterns over tool names, e.g. <c>crm___*</c>.</summary>
public sealed class ToolFilterSection
{
    /// <summary>Only tools matching one of these are used; empty allows all. Default: empty.</summary>
    [Setting(Unset = "all")]
    public List<string> Allow { get; set; } = [];

    /// <summary>Tools matching one of these are never used (deny wins). Default: empty.</summary>
    public List<string> Deny { get; set; } = [];
}
