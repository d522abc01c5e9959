namespace AgentHost.Abstractions.Control;

/// <summary>The result of <see cref="IApprovalService.DecideAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Request">The request after the decision (or as stored, when refused); null when no such request exists.</param>
/// <param name="Message">A sentence for the approver: why it was refused, or what happens next.</param>
public sealed record ApprovalDecisionResult(ApprovalDecisionStatus Status, ApprovalRequest? Request, string Message);
