namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// What a batch of events changes in its session's <see cref="LiveSession"/>: null members leave the stored value unchanged,
/// <see cref="AddFlags"/> are added to the stored flags, <see cref="TurnsStarted"/> is added to the turn count.
/// </summary>
public sealed record LiveSessionUpdate
{
    /// <summary>The new status, if it changes.</summary>
    public string? Status { get; init; }

    /// <summary>The channel, if known.</summary>
    public string? Channel { get; init; }

    /// <summary>The contact id, if known.</summary>
    public string? ContactId { get; init; }

    /// <summary>The masked customer, if known.</summary>
    public string? Customer { get; init; }

    /// <summary>The identity verification status, if known.</summary>
    public string? Identity { get; init; }

    /// <summary>Flags to add.</summary>
    public IReadOnlyList<string>? AddFlags { get; init; }

    /// <summary>The recent sentiment scores, if they changed.</summary>
    public string? Sentiment { get; init; }

    /// <summary>Turns started in this batch.</summary>
    public int TurnsStarted { get; init; }
}
