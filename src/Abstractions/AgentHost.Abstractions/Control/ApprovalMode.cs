namespace AgentHost.Abstractions.Control;

/// <summary>Who must agree before a tool call runs.</summary>
public enum ApprovalMode
{
    /// <summary>Nobody: the call runs at once (it is still audited).</summary>
    Automatic,

    /// <summary>One supervisor approves or rejects.</summary>
    Supervisor,

    /// <summary>Two different approvers must approve; one rejection rejects.</summary>
    Committee,
}
