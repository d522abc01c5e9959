namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// Durable conversation state, keyed by session id. A conversation is an append-only sequence of turns
/// numbered 1, 2, 3, ... Implementations must make <see cref="AppendTurnAsync"/> atomic (a turn is stored whole
/// or not at all), reject a turn whose sequence number is already taken with <see cref="ConversationConflictException"/>,
/// and return the stored turn instead of storing a second one when the same <see cref="TurnRecord.TurnId"/> arrives again.
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// Loads the session header and its most recent turns (oldest first), reading no more than
    /// <paramref name="maxTurns"/> turns. A session that does not exist yields an empty snapshot.
    /// </summary>
    Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default);

    /// <summary>Finds a stored turn by its idempotency key, or returns null.</summary>
    Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a turn. <see cref="TurnRecord.Sequence"/> must be the session's turn count plus one.
    /// </summary>
    /// <returns><see cref="AppendOutcome.Appended"/>, or <see cref="AppendOutcome.Duplicate"/> with the turn stored earlier under the same turn id.</returns>
    /// <exception cref="ConversationConflictException">Another turn already holds that sequence number.</exception>
    Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole history of a session, oldest first, starting at <paramref name="fromSequence"/>, with full (never truncated) message contents.</summary>
    IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default);

    /// <summary>Lists sessions, most recently updated first.</summary>
    Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(SessionListQuery query, CancellationToken cancellationToken = default);

    /// <summary>Merges metadata into a session's header (for example a status change to <c>escalated</c>). Returns false when the session does not exist.</summary>
    Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session and all its turns. Returns false when it did not exist.</summary>
    Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}
