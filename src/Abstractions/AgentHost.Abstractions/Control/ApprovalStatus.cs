namespace AgentHost.Abstractions.Control;

/// <summary>Where an <see cref="ApprovalRequest"/> is in its life. Only the transitions documented here happen.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for decisions (a committee request stays pending after its first approval).</summary>
    Pending,

    /// <summary>Approved by enough different approvers; waiting for the session's next invocation to run it.</summary>
    Approved,

    /// <summary>Rejected by an approver (final): the call never runs.</summary>
    Rejected,

    /// <summary>Not decided before <see cref="ApprovalRequest.ExpiresAt"/> (final): treated as a rejection.</summary>
    Expired,

    /// <summary>Claimed by one turn to run it (a conditional write: only one claim succeeds).</summary>
    Executing,

    /// <summary>The approved call ran (final), whatever its result.</summary>
    Completed,
}
