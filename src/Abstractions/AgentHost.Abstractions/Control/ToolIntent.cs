namespace AgentHost.Abstractions.Control;

/// <summary>
/// The durable record that a side-effecting tool call is about to run (written before it runs) and, once it finished,
/// how it ended. A retried turn that finds an intent without an outcome must not run the tool again.
/// </summary>
public sealed record ToolIntent
{
    /// <summary>What identifies the side effect.</summary>
    public required ToolIntentKey Key { get; init; }

    /// <summary>The turn that wrote the intent.</summary>
    public required string TurnId { get; init; }

    /// <summary>The model's id for the call that wrote the intent.</summary>
    public required string CallId { get; init; }

    /// <summary>When the intent was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How the call ended; null while it runs, or when the host died before it could record the outcome.</summary>
    public ToolIntentOutcome? Outcome { get; init; }
}
