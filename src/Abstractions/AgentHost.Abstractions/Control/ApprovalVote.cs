namespace AgentHost.Abstractions.Control;

/// <summary>One recorded decision on an <see cref="ApprovalRequest"/>: who, what, when, and their note or reason.</summary>
public sealed record ApprovalVote
{
    /// <summary>The approver's name or id (as given to <see cref="ApprovalDecision.Approver"/>).</summary>
    public required string Approver { get; init; }

    /// <summary>Approve or reject.</summary>
    public required ApprovalVerdict Verdict { get; init; }

    /// <summary>The approver's note (approval) or reason (rejection), if any.</summary>
    public string? Comment { get; init; }

    /// <summary>When the decision was recorded.</summary>
    public required DateTimeOffset DecidedAt { get; init; }
}
