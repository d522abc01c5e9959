using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Supervision;

namespace AgentHost.Supervision.Stores;

/// <summary>
/// The activity feed and guidance in process memory (tests, stateless deployments; a console in another process cannot see
/// it). Bounded: at most <see cref="RecentSessions.Capacity"/> sessions are kept, the least recently active one's feed and
/// guidance forgotten first. Thread-safe.
/// </summary>
public sealed class InMemorySupervisionStore : IActivityFeed, IGuidanceStore
{
    private readonly object _gate = new();
    private readonly RecentSessions _recent;
    private readonly Dictionary<string, List<ActivityEvent>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SupervisorGuidance>> _guidance = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    /// <param name="maxSessions">The most sessions kept. Default: <see cref="RecentSessions.DefaultCapacity"/>.</param>
    public InMemorySupervisionStore(int maxSessions = RecentSessions.DefaultCapacity) => _recent = new RecentSessions(maxSessions);

    /// <summary>How many times <see cref="AppendAsync"/> stored a batch (one write each).</summary>
    public int AppendCalls { get; private set; }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityEvent>> AppendAsync(string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            AppendCalls++;
            Touch(sessionId);
            if (!_events.TryGetValue(sessionId, out var list))
            {
                list = [];
                _events[sessionId] = list;
            }

            _sessions.TryGetValue(sessionId, out var session);
            var next = session?.LastSequence ?? 0;
            var stored = new List<ActivityEvent>(events.Count);
            foreach (var activity in events)
            {
                var copy = activity with { SessionId = sessionId, Sequence = ++next };
                list.Add(copy);
                stored.Add(copy);
            }

            var last = stored.Count > 0 ? stored[^1].At : (session?.LastActivity ?? DateTimeOffset.UnixEpoch);
            _sessions[sessionId] = LiveSessionUpdates.Apply(session, sessionId, update, next, last);
            return Task.FromResult<IReadOnlyList<ActivityEvent>>(stored);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityEvent>> ReadAsync(string sessionId, long afterSequence, int limit = 200, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ActivityEvent> result = _events.TryGetValue(sessionId, out var list)
                ? [.. list.Where(e => e.Sequence > afterSequence).Take(limit)]
                : [];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveSession>> ListSessionsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<LiveSession> result = [.. _sessions.Values.OrderByDescending(s => s.LastActivity).ThenBy(s => s.SessionId, StringComparer.Ordinal).Take(limit)];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<LiveSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sessions.TryGetValue(sessionId, out var session) ? session : null);
        }
    }

    /// <inheritdoc />
    public Task<LiveSession?> FindByContactAsync(string contactId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sessions.Values.Where(s => string.Equals(s.ContactId, contactId, StringComparison.Ordinal)).OrderByDescending(s => s.LastActivity).FirstOrDefault());
        }
    }

    /// <inheritdoc />
    public Task AddAsync(SupervisorGuidance guidance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        lock (_gate)
        {
            Touch(guidance.SessionId);
            if (!_guidance.TryGetValue(guidance.SessionId, out var list))
            {
                list = [];
                _guidance[guidance.SessionId] = list;
            }

            if (list.Any(g => g.Id == guidance.Id))
            {
                throw new InvalidOperationException($"Guidance {guidance.Id} already exists.");
            }

            list.Add(guidance);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SupervisorGuidance>> GetPendingAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SupervisorGuidance> result = _guidance.TryGetValue(sessionId, out var list) ? [.. list.Where(g => g.IsPending)] : [];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryConsumeAsync(string sessionId, string guidanceId, string turnId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_guidance.TryGetValue(sessionId, out var list))
            {
                return Task.FromResult(false);
            }

            var index = list.FindIndex(g => g.Id == guidanceId);
            if (index < 0 || !list[index].IsPending)
            {
                return Task.FromResult(false);
            }

            list[index] = list[index] with { ConsumedAt = at, ConsumedByTurn = turnId };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SupervisorGuidance>> ListAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SupervisorGuidance> result = _guidance.TryGetValue(sessionId, out var list) ? [.. list] : [];
            return Task.FromResult(result);
        }
    }

    /// <summary>Marks the session active, forgetting the least recently active one beyond the bound. Under the lock.</summary>
    private void Touch(string sessionId)
    {
        if (_recent.Touch(sessionId) is { } evicted)
        {
            _events.Remove(evicted);
            _sessions.Remove(evicted);
            _guidance.Remove(evicted);
        }
    }
}
