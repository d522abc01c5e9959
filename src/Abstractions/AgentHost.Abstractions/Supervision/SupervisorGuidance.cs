namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// A supervisor's instruction for one session (<see cref="IGuidanceStore"/>): injected into the session's next model call
/// as guidance the customer never sees, consumed exactly once. Sensitive: <see cref="Text"/> is shown to supervisors and
/// the model, stored with the turn that applied it, never logged.
/// </summary>
public sealed record SupervisorGuidance
{
    /// <summary>The id (<c>gd_</c> and 32 hexadecimal characters).</summary>
    public required string Id { get; init; }

    /// <summary>The session it is for.</summary>
    public required string SessionId { get; init; }

    /// <summary>The instruction.</summary>
    public required string Text { get; init; }

    /// <summary>Who wrote it (the signed-in supervisor's name, or the CLI's <c>--by</c>).</summary>
    public required string Author { get; init; }

    /// <summary>When it was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a model call consumed it; null while pending.</summary>
    public DateTimeOffset? ConsumedAt { get; init; }

    /// <summary>The turn whose model call consumed it.</summary>
    public string? ConsumedByTurn { get; init; }

    /// <summary>True while no model call has consumed it.</summary>
    public bool IsPending => ConsumedAt is null;
}
