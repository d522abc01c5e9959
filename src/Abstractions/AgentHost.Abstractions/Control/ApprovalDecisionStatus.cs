namespace AgentHost.Abstractions.Control;

/// <summary>What <see cref="IApprovalService.DecideAsync"/> did with a decision.</summary>
public enum ApprovalDecisionStatus
{
    /// <summary>The approval was recorded; the request needs another approver (committee).</summary>
    Recorded,

    /// <summary>The request is now approved; the session's next invocation runs the call once.</summary>
    Approved,

    /// <summary>The request is now rejected; the session's next invocation tells the model and the customer.</summary>
    Rejected,

    /// <summary>
    /// The decision was refused and changed nothing: unknown request, argument hash mismatch, already decided or closed,
    /// expired, the same approver twice, a rejection without a reason. <see cref="ApprovalDecisionResult.Message"/> says which.
    /// </summary>
    Refused,
}
