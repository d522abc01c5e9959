namespace AgentHost.Abstractions.Control;

/// <summary>
/// An approver's decision, as the CLI or the supervisor console submits it to <see cref="IApprovalService.DecideAsync"/>.
/// It is bound to the request it answers: <see cref="RequestId"/> and <see cref="ArgumentsHash"/> must both match the
/// stored request, or the decision is refused.
/// </summary>
public sealed record ApprovalDecision
{
    /// <summary>The <see cref="ApprovalRequest.Id"/> decided.</summary>
    public required string RequestId { get; init; }

    /// <summary>The <see cref="ApprovalRequest.ArgumentsHash"/> of the request the approver was shown.</summary>
    public required string ArgumentsHash { get; init; }

    /// <summary>Who decides (a name or id; recorded in the request and the audit trail).</summary>
    public required string Approver { get; init; }

    /// <summary>Approve or reject.</summary>
    public required ApprovalVerdict Verdict { get; init; }

    /// <summary>A note (approval, optional) or the reason (rejection, required).</summary>
    public string? Comment { get; init; }
}
