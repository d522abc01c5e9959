namespace AgentHost.Abstractions.Conversations;

/// <summary>The small per-session record used for continuing, listing and supervising sessions.</summary>
/// <param name="SessionId">The session id (the AgentCore runtime session id).</param>
/// <param name="CreatedAt">When the first turn was stored.</param>
/// <param name="UpdatedAt">When the last turn or metadata change was stored.</param>
/// <param name="TurnCount">The number of stored turns (the sequence of the last turn).</param>
/// <param name="Metadata">Channel, contact, customer, status and custom attributes.</param>
public sealed record SessionHeader(
    string SessionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long TurnCount,
    SessionMetadata Metadata);
