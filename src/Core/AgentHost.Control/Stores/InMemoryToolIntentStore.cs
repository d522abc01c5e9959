using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Control.Stores;

/// <summary>
/// Tool intents in process memory: exactly once within one process only (a restart forgets them). Bounded: the intents of at
/// most <see cref="RecentSessions.Capacity"/> sessions are kept, the least recently used session's forgotten first. Thread-safe.
/// </summary>
public sealed class InMemoryToolIntentStore : IToolIntentStore
{
    private readonly Dictionary<string, Dictionary<string, ToolIntent>> _intents = new(StringComparer.Ordinal);
    private readonly RecentSessions _recent;

    /// <summary>Creates the store.</summary>
    /// <param name="maxSessions">The most sessions whose intents are kept. Default: <see cref="RecentSessions.DefaultCapacity"/>.</param>
    public InMemoryToolIntentStore(int maxSessions = RecentSessions.DefaultCapacity) => _recent = new RecentSessions(maxSessions);

    /// <inheritdoc />
    public Task<ToolIntentBeginResult> BeginAsync(ToolIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        lock (_intents)
        {
            var session = SessionOf(intent.Key.SessionId);
            if (session.TryGetValue(intent.Key.IntentId, out var existing))
            {
                return Task.FromResult(new ToolIntentBeginResult(false, existing));
            }

            var stored = intent with { Outcome = null };
            session.Add(intent.Key.IntentId, stored);
            return Task.FromResult(new ToolIntentBeginResult(true, stored));
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(ToolIntentKey key, ToolIntentOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_intents)
        {
            if (!_intents.TryGetValue(key.SessionId, out var session) || !session.TryGetValue(key.IntentId, out var stored) || stored.Outcome is not null)
            {
                return Task.FromResult(false);
            }

            session[key.IntentId] = stored with { Outcome = outcome };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<ToolIntent?> GetAsync(ToolIntentKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_intents)
        {
            return Task.FromResult(_intents.TryGetValue(key.SessionId, out var session) ? session.GetValueOrDefault(key.IntentId) : null);
        }
    }

    /// <summary>The session's intents (created when new, evicting the least recently used session beyond the bound). Under the lock.</summary>
    private Dictionary<string, ToolIntent> SessionOf(string sessionId)
    {
        if (_recent.Touch(sessionId) is { } evicted)
        {
            _intents.Remove(evicted);
        }

        if (!_intents.TryGetValue(sessionId, out var session))
        {
            session = new Dictionary<string, ToolIntent>(StringComparer.Ordinal);
            _intents.Add(sessionId, session);
        }

        return session;
    }
}
