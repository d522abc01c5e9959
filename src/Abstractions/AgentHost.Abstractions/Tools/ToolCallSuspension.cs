using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Tools;

/// <summary>Why a tool call waits, and what the model and the customer are told meanwhile. Stored with the turn.</summary>
public sealed record ToolCallSuspension
{
    /// <summary>The suspending middleware's own id for the wait (e.g. an approval request id). Unique per session.</summary>
    public required string Id { get; init; }

    /// <summary>What the call waits for, e.g. <c>approval</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The stop reason of the turn the call suspends. Default: <see cref="StopReason.Suspended"/>.</summary>
    public StopReason StopReason { get; init; } = StopReason.Suspended;

    /// <summary>What the model sees as the call's result meanwhile. Default: a sentence saying the call has not run yet.</summary>
    public string ModelMessage { get; init; } = "This tool call is waiting and has not run yet. Do not repeat it; tell the customer it is pending.";

    /// <summary>The reply to the customer when the model gave no text with the call; null for none.</summary>
    public string? CustomerMessage { get; init; }

    /// <summary>When the wait ends on its own (e.g. an approval timeout), if known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
