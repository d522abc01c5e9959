namespace AgentHost.Abstractions.Control;

/// <summary>What an approver decided.</summary>
public enum ApprovalVerdict
{
    /// <summary>The call may run.</summary>
    Approve,

    /// <summary>The call must not run.</summary>
    Reject,
}
