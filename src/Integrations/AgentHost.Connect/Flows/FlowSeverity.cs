namespace AgentHost.Connect.Flows;

/// <summary>How serious a flow finding is: errors fail the lint (exit 1), warnings do not.</summary>
public enum FlowSeverity
{
    /// <summary>Worth a look; the flow may still work.</summary>
    Warning,

    /// <summary>Connect rejects the flow (often silently) or the flow cannot run as written.</summary>
    Error,
}
