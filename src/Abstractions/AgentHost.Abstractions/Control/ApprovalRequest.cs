using System.Text.Json;

namespace AgentHost.Abstractions.Control;

/// <summary>
/// A tool call waiting for human approval, persisted exactly as the model asked for it. Stored in an
/// <see cref="IApprovalStore"/> shared by every host and by the supervisor tools (they never share memory with the runtime).
/// Immutable: a change is a new value with <see cref="Version"/> one higher, written with <see cref="IApprovalStore.TryReplaceAsync"/>.
/// </summary>
/// <remarks>
/// Sensitive: <see cref="Arguments"/> holds the call's arguments as the model gave them (they may contain personal data,
/// like the conversation store). Show them to approvers; never log them.
/// </remarks>
public sealed record ApprovalRequest
{
    /// <summary>The request id (<c>apr_</c> and 32 hexadecimal characters), derived from what identifies the call, so that a retried turn finds the same request.</summary>
    public required string Id { get; init; }

    /// <summary>The session the call belongs to.</summary>
    public required string SessionId { get; init; }

    /// <summary>The turn that asked for the call.</summary>
    public required string TurnId { get; init; }

    /// <summary>The model's id for the call.</summary>
    public required string CallId { get; init; }

    /// <summary>The tool name the model used.</summary>
    public required string ToolName { get; init; }

    /// <summary>The arguments exactly as the model gave them (a JSON object). Sensitive.</summary>
    public required JsonElement Arguments { get; init; }

    /// <summary>The SHA-256 of the canonical JSON of <see cref="Arguments"/> (lowercase hex). A decision must name it.</summary>
    public required string ArgumentsHash { get; init; }

    /// <summary>The id of the policy rule that required the approval.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule's risk level.</summary>
    public required RiskLevel Risk { get; init; }

    /// <summary><see cref="ApprovalMode.Supervisor"/> or <see cref="ApprovalMode.Committee"/>.</summary>
    public required ApprovalMode Mode { get; init; }

    /// <summary>How many different approvers must approve: 1 (supervisor) or 2 (committee).</summary>
    public int RequiredApprovals => Mode == ApprovalMode.Committee ? 2 : 1;

    /// <summary>Who asked (the caller of the invocation), when known.</summary>
    public ApprovalRequester? Requester { get; init; }

    /// <summary>The channel of the invocation, when known.</summary>
    public string? Channel { get; init; }

    /// <summary>Why approval is needed (the rule's description), for the approver.</summary>
    public string? Reason { get; init; }

    /// <summary>When the request was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an undecided request expires (a rejection).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Where the request is in its life.</summary>
    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;

    /// <summary>The decisions recorded so far, oldest first.</summary>
    public IReadOnlyList<ApprovalVote> Votes { get; init; } = [];

    /// <summary>The turn that claimed the approved call to run it (<see cref="ApprovalStatus.Executing"/> and after).</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When it was claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>When the call finished, was rejected or expired.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The stored version: 1 when created, one more for every change.</summary>
    public long Version { get; init; } = 1;

    /// <summary>True for <see cref="ApprovalStatus.Rejected"/>, <see cref="ApprovalStatus.Expired"/> and <see cref="ApprovalStatus.Completed"/>.</summary>
    public bool IsClosed => Status is ApprovalStatus.Rejected or ApprovalStatus.Expired or ApprovalStatus.Completed;
}
