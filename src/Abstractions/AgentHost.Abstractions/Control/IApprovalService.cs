namespace AgentHost.Abstractions.Control;

/// <summary>
/// Deciding approval requests: the API the CLI (<c>agenthost approvals</c>) and the supervisor console use, against the
/// shared <see cref="IApprovalStore"/>. Every decision is audited before it takes effect; a decision that cannot be
/// audited is not applied (fail closed).
/// </summary>
public interface IApprovalService
{
    /// <summary>Lists requests, newest first. A pending request past its expiry is reported as <see cref="ApprovalStatus.Expired"/>.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one request, or null.</summary>
    Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a decision. Refused (nothing changes) when the request is unknown, its argument hash differs from
    /// <see cref="ApprovalDecision.ArgumentsHash"/>, it is no longer pending, it expired, the approver already decided it,
    /// or a rejection has no reason. Committee requests need two different approvers; one rejection rejects.
    /// </summary>
    /// <exception cref="AuditWriteException">The decision could not be audited; it was not applied.</exception>
    Task<ApprovalDecisionResult> DecideAsync(ApprovalDecision decision, CancellationToken cancellationToken = default);
}
