namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// The per-session summary the activity feed keeps for the supervisor's conversations list, updated with every batch
/// of events (<see cref="IActivityFeed.AppendAsync"/>). It exists as soon as a turn starts, before the conversation
/// store has the session's first turn.
/// </summary>
public sealed record LiveSession
{
    /// <summary>The session.</summary>
    public required string SessionId { get; init; }

    /// <summary>When the feed first saw the session.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the last event happened.</summary>
    public required DateTimeOffset LastActivity { get; init; }

    /// <summary>The sequence of the last stored event.</summary>
    public long LastSequence { get; init; }

    /// <summary>See <see cref="LiveSessionStatuses"/>.</summary>
    public string Status { get; init; } = LiveSessionStatuses.Idle;

    /// <summary>The channel (<c>VOICE</c>, <c>CHAT</c>, <c>CLI</c>...), when known.</summary>
    public string? Channel { get; init; }

    /// <summary>The Amazon Connect contact id, when known.</summary>
    public string? ContactId { get; init; }

    /// <summary>The customer, masked (e.g. <c>cu…42</c>), when known.</summary>
    public string? Customer { get; init; }

    /// <summary>Identity verification: <c>verified</c>, <c>unverified</c> or null when unknown.</summary>
    public string? Identity { get; init; }

    /// <summary>The distinct flags seen on the session's tool calls (risk and sanitisation markers).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Recent per-turn sentiment scores, oldest first, comma-separated (-1.00 … 1.00; see the README's lexicon method).</summary>
    public string? Sentiment { get; init; }

    /// <summary>How many turns the feed saw.</summary>
    public long Turns { get; init; }
}
