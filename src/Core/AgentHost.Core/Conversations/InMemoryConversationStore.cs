using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Core.Conversations;

/// <summary>
/// A conversation store in process memory, with the same idempotency and conflict behaviour as the durable stores
/// (it passes the same contract suite). Conversations are lost when the process ends: use it for stateless deployments
/// (each AgentCore session lives in its own microVM anyway), tests and benchmarks — not where conversations must survive
/// a restart. Bounded: above <see cref="MaxSessions"/> sessions the least recently updated one is evicted.
/// </summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private static readonly SessionMetadata NewSessionMetadata = new() { Status = SessionStatuses.Active };
    private readonly Dictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
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
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(sessionId, out var state))
            {
                return Task.FromResult(ConversationSnapshot.Empty);
            }

            var skip = Math.Max(0, state.Turns.Count - Math.Max(0, maxTurns));
            return Task.FromResult(new ConversationSnapshot(state.Header, state.Turns.GetRange(skip, state.Turns.Count - skip)));
        }
    }

    /// <inheritdoc />
    public Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        lock (_sessions)
        {
            return Task.FromResult(_sessions.TryGetValue(sessionId, out var state) && state.ByTurnId.TryGetValue(turnId, out var turn) ? turn : null);
        }
    }

    /// <inheritdoc />
    public Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        lock (_sessions)
        {
            _sessions.TryGetValue(turn.SessionId, out var state);
            if (state?.ByTurnId.TryGetValue(turn.TurnId, out var existing) == true)
            {
                return Task.FromResult(new AppendTurnResult(AppendOutcome.Duplicate, existing));
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
            }

            state.Turns.Add(turn);
            state.ByTurnId[turn.TurnId] = turn;
            state.Header = state.Header with { UpdatedAt = now, TurnCount = turn.Sequence, Metadata = state.Header.Metadata.Merge(metadata) };
            return Task.FromResult(new AppendTurnResult(AppendOutcome.Appended, turn));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TurnRecord[] turns;
        lock (_sessions)
        {
            turns = _sessions.TryGetValue(sessionId, out var state) ? state.Turns.Where(t => t.Sequence >= fromSequence).ToArray() : [];
        }

        foreach (var turn in turns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return turn;
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
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_sessions)
        {
            return Task.FromResult(_sessions.Remove(sessionId));
        }
    }

    private void EvictIfFull()
    {
        if (_sessions.Count < MaxSessions)
        {
            return;
        }

        var oldest = _sessions.Values.MinBy(s => s.Header.UpdatedAt)!;
        _sessions.Remove(oldest.Header.SessionId);
    }

    private sealed class SessionState(SessionHeader header)
    {
        public SessionHeader Header { get; set; } = header;

        public List<TurnRecord> Turns { get; } = [];

        public Dictionary<string, TurnRecord> ByTurnId { get; } = new(StringComparer.Ordinal);
    }
}
