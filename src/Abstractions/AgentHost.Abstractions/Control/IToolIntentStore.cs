namespace AgentHost.Abstractions.Control;

/// <summary>
/// Durable intents and outcomes of side-effecting tool calls (exactly once across crashes and retries). Both writes are
/// conditional: only one writer creates an intent for a key, and an outcome is written once.
/// Implementations: in memory (AgentHost.Control), SQLite, DynamoDB; all pass the same contract tests.
/// </summary>
public interface IToolIntentStore
{
    /// <summary>Writes the intent when no intent with its key exists (a conditional put); otherwise returns the stored one.</summary>
    Task<ToolIntentBeginResult> BeginAsync(ToolIntent intent, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of an intent that has none yet.</summary>
    /// <returns>True when written; false when the intent is missing or already has an outcome.</returns>
    Task<bool> CompleteAsync(ToolIntentKey key, ToolIntentOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Reads an intent, or null.</summary>
    Task<ToolIntent?> GetAsync(ToolIntentKey key, CancellationToken cancellationToken = default);
}
