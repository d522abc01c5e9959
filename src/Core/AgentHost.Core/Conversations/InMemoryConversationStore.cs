using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Core.Conversations;

/// <summary>
/// A conversation store in process memory, with the same idempotency and conflict behaviour as the durable stores
/// (it passes the same contract suite). Conversations are lost when the process ends: use it for stateless deployments
/// (each AgentCore session lives in its own microVM anyway), tests and benchmarks — not where conversations must survive
/// a restart. Bounded: above <see cref="MaxSessions"/> sessions the least recently updated one is evicted (in constant time).
/// </summary>
/// <remarks>
/// Turns are kept serialised, as the durable stores keep them (<see cref="ConversationJson"/>), and every read returns new
/// objects. So a caller that changes messages after storing or loading them cannot change the stored history, and a
/// stored turn is two byte arrays instead of a graph of dozens of message and content objects: with thousands of sessions
/// held, every garbage collection of the youngest generation copied all the turns stored since the previous one, object by
/// object (pauses of 40–60 ms at 10 MB/s of stored conversation on the peer benchmark).
/// </remarks>
public sealed class InMemoryConversationStore : IConversationStore
{
    private static readonly SessionMetadata NewSessionMetadata = new() { Status = SessionStatuses.Active };
    private readonly Dictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    private readonly LinkedList<SessionState> _byUpdate = [];
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">Clock for header timestamps. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="maxSessions">The most sessions kept; the least recently updated is evicted beyond it. Default: 10,000.</param>
    public InMemoryConversationStore(TimeProvider? timeProvider = null, int maxSessions = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSessions, 1);
        _time = timeProvider ?? TimeProvider.System;
        MaxSessions = maxSessions;
    }

    /// <summary>The most sessions kept.</summary>
    public int MaxSessions { get; }

    /// <inheritdoc />
    public Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default)
    {
        SessionHeader header;
        List<StoredTurn> window;
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(sessionId, out var state))
            {
                return Task.FromResult(ConversationSnapshot.Empty);
            }

            var skip = Math.Max(0, state.Turns.Count - Math.Max(0, maxTurns));
            header = state.Header;
            window = state.Turns.GetRange(skip, state.Turns.Count - skip);
        }

        // Deserialised outside the lock: stored turns never change.
        var turns = new TurnRecord[window.Count];
        for (var i = 0; i < window.Count; i++)
        {
            turns[i] = window[i].ToRecord(sessionId);
        }

        return Task.FromResult(new ConversationSnapshot(header, turns));
    }

    /// <inheritdoc />
    public Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        StoredTurn? stored = null;
        lock (_sessions)
        {
            if (_sessions.TryGetValue(sessionId, out var state))
            {
                stored = state.Find(turnId);
            }
        }

        return Task.FromResult(stored?.ToRecord(sessionId));
    }

    /// <inheritdoc />
    public Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var stored = StoredTurn.From(turn);
        lock (_sessions)
        {
            _sessions.TryGetValue(turn.SessionId, out var state);
            if (state?.Find(turn.TurnId) is { } existing)
            {
                return Task.FromResult(new AppendTurnResult(AppendOutcome.Duplicate, existing.ToRecord(turn.SessionId)));
            }

            var count = state?.Turns.Count ?? 0;
            if (turn.Sequence != count + 1)
            {
                throw new ConversationConflictException(turn.SessionId, turn.Sequence);
            }

            var now = _time.GetUtcNow();
            if (state is null)
            {
                EvictIfFull();
                state = new SessionState(new SessionHeader(turn.SessionId, now, now, 0, NewSessionMetadata.Merge(metadata)));
                _sessions[turn.SessionId] = state;
                state.Node = _byUpdate.AddLast(state);
            }

            state.Turns.Add(stored);
            state.Header = state.Header with { UpdatedAt = now, TurnCount = turn.Sequence, Metadata = state.Header.Metadata.Merge(metadata) };
            Touch(state);
            return Task.FromResult(new AppendTurnResult(AppendOutcome.Appended, turn));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoredTurn[] turns;
        lock (_sessions)
        {
            turns = _sessions.TryGetValue(sessionId, out var state) ? state.Turns.Where(t => t.Sequence >= fromSequence).ToArray() : [];
        }

        foreach (var turn in turns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return turn.ToRecord(sessionId);
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(SessionListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_sessions)
        {
            IReadOnlyList<SessionHeader> headers = _sessions.Values
                .Select(s => s.Header)
                .Where(h => query.Status is null || string.Equals(h.Metadata.Status, query.Status, StringComparison.Ordinal))
                .Where(h => query.UpdatedSince is null || h.UpdatedAt >= query.UpdatedSince)
                .OrderByDescending(h => h.UpdatedAt)
                .ThenBy(h => h.SessionId, StringComparer.Ordinal)
                .Take(Math.Max(0, query.Limit))
                .ToList();
            return Task.FromResult(headers);
        }
    }

    /// <inheritdoc />
    public Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default)
    {
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(sessionId, out var state))
            {
                return Task.FromResult(false);
            }

            state.Header = state.Header with { UpdatedAt = _time.GetUtcNow(), Metadata = state.Header.Metadata.Merge(metadata) };
            Touch(state);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_sessions)
        {
            if (!_sessions.Remove(sessionId, out var state))
            {
                return Task.FromResult(false);
            }

            _byUpdate.Remove(state.Node!);
            return Task.FromResult(true);
        }
    }

    /// <summary>Moves a session to the most recently updated end of the eviction order.</summary>
    private void Touch(SessionState state)
    {
        if (state.Node!.Next is not null)
        {
            _byUpdate.Remove(state.Node);
            _byUpdate.AddLast(state.Node);
        }
    }

    private void EvictIfFull()
    {
        if (_sessions.Count < MaxSessions || _byUpdate.First is not { } oldest)
        {
            return;
        }

        _byUpdate.RemoveFirst();
        _sessions.Remove(oldest.Value.Header.SessionId);
    }

    private sealed class SessionState(SessionHeader header)
    {
        public SessionHeader Header { get; set; } = header;

        /// <summary>The session's place in the eviction order.</summary>
        public LinkedListNode<SessionState>? Node { get; set; }

        public List<StoredTurn> Turns { get; } = [];

        /// <summary>The turn with a turn id: sessions hold tens of turns, so a scan costs less than an index per session.</summary>
        public StoredTurn? Find(string turnId)
        {
            foreach (var turn in Turns)
            {
                if (string.Equals(turn.TurnId, turnId, StringComparison.Ordinal))
                {
                    return turn;
                }
            }

            return null;
        }
    }

    /// <summary>A turn as the store keeps it: its identity and its messages and outcome serialised.</summary>
    private sealed record StoredTurn(long Sequence, string TurnId, DateTimeOffset CreatedAt, byte[] Messages, byte[] Outcome)
    {
        public static StoredTurn From(TurnRecord turn) =>
            new(turn.Sequence, turn.TurnId, turn.CreatedAt, ConversationJson.SerializeMessages(turn.Messages), ConversationJson.SerializeOutcome(turn.Outcome));

        public TurnRecord ToRecord(string sessionId) =>
            new(sessionId, Sequence, TurnId, CreatedAt, ConversationJson.DeserializeMessages(Messages), ConversationJson.DeserializeOutcome(Outcome));
    }
}
