using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Stores;

/// <summary>Tool intents in process memory: exactly once within one process only (a restart forgets them). Thread-safe.</summary>
public sealed class InMemoryToolIntentStore : IToolIntentStore
{
    private readonly Dictionary<(string Session, string Intent), ToolIntent> _intents = [];

    /// <inheritdoc />
    public Task<ToolIntentBeginResult> BeginAsync(ToolIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var key = (intent.Key.SessionId, intent.Key.IntentId);
        lock (_intents)
        {
            if (_intents.TryGetValue(key, out var existing))
            {
                return Task.FromResult(new ToolIntentBeginResult(false, existing));
            }

            var stored = intent with { Outcome = null };
            _intents.Add(key, stored);
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
            var id = (key.SessionId, key.IntentId);
            if (!_intents.TryGetValue(id, out var stored) || stored.Outcome is not null)
            {
                return Task.FromResult(false);
            }

            _intents[id] = stored with { Outcome = outcome };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<ToolIntent?> GetAsync(ToolIntentKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_intents)
        {
            return Task.FromResult(_intents.GetValueOrDefault((key.SessionId, key.IntentId)));
        }
    }
}
