namespace AgentHost.Abstractions.Control;

/// <summary>Which approval requests <see cref="IApprovalStore.ListAsync"/> returns, newest first.</summary>
public sealed record ApprovalQuery
{
    /// <summary>Only requests with this status; null for every status. Default: null.</summary>
    public ApprovalStatus? Status { get; init; }

    /// <summary>Only requests of this session; null for every session. Default: null.</summary>
    public string? SessionId { get; init; }

    /// <summary>At most this many. Default: 100.</summary>
    public int Limit { get; init; } = 100;
}
