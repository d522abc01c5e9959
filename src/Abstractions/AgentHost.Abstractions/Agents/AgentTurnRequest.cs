using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Agents;

/// <summary>Everything the agent loop needs to run one turn.</summary>
public sealed record AgentTurnRequest
{
    /// <summary>The user's message for this turn.</summary>
    public required ChatMessage UserMessage { get; init; }

    /// <summary>The earlier conversation, oldest first (the loop applies its window to it).</summary>
    public IReadOnlyList<ChatMessage> History { get; init; } = [];

    /// <summary>The invocation context (session, turn id, channel, attributes).</summary>
    public required InvocationContext Context { get; init; }

    /// <summary>An absolute deadline for the turn; the earlier of this and the configured turn timeout applies. Null for none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// Calls suspended in earlier turns to offer to the tool-call middleware chain again before the first model call
    /// (see <see cref="Tools.ToolCallOutcome.Suspend"/>). Default: none.
    /// </summary>
    public IReadOnlyList<Tools.ToolCallResumption> Resumptions { get; init; } = [];

    /// <summary>Instructions that replace the agent's configured system prompt for this turn (already filled). Null to use the configured one.</summary>
    public string? Instructions { get; init; }
}
