using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Control;

/// <summary>How a tool call with a stored intent ended, written after it finished.</summary>
public sealed record ToolIntentOutcome
{
    /// <summary>How the call ended.</summary>
    public required ToolCallStatus Status { get; init; }

    /// <summary>
    /// The result as the model saw it (text or JSON), kept so that a retried turn gets the same result without running the
    /// tool again; cut to a store-specific limit (<see cref="ResultTruncated"/>). Sensitive like a conversation's tool results.
    /// </summary>
    public string? Result { get; init; }

    /// <summary>True when <see cref="Result"/> was cut.</summary>
    public bool ResultTruncated { get; init; }

    /// <summary>The SHA-256 of the full result text (lowercase hex).</summary>
    public string? ResultHash { get; init; }

    /// <summary>How long the call took, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>When the outcome was recorded.</summary>
    public required DateTimeOffset CompletedAt { get; init; }
}
