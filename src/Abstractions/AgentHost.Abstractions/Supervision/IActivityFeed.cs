namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// The live activity of every conversation, in a store shared by the runtime (which writes it) and the supervisor tools
/// (which read it): they never share memory. Implementations: in memory (tests), SQLite (local), DynamoDB (items with a TTL).
/// </summary>
/// <remarks>
/// Rules every implementation follows: <see cref="AppendAsync"/> stores a batch whole or not at all, assigns the events
/// consecutive sequence numbers after the session's last one and applies the <see cref="LiveSessionUpdate"/> in the same
/// write; <see cref="ReadAsync"/> returns events in sequence order. Events expire after the store's retention.
/// </remarks>
public interface IActivityFeed
{
    /// <summary>Appends a batch of one session's events and updates its summary; returns the events with their sequence numbers.</summary>
    Task<IReadOnlyList<ActivityEvent>> AppendAsync(string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Reads a session's events with a sequence above <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ActivityEvent>> ReadAsync(string sessionId, long afterSequence, int limit = 200, CancellationToken cancellationToken = default);

    /// <summary>Lists sessions by last activity, newest first.</summary>
    Task<IReadOnlyList<LiveSession>> ListSessionsAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Reads one session's summary, or null.</summary>
    Task<LiveSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Finds the most recently active session of an Amazon Connect contact, or null.</summary>
    Task<LiveSession?> FindByContactAsync(string contactId, CancellationToken cancellationToken = default);
}
