using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnTurnStartingAsync"/>.</summary>
public sealed class TurnStartingContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public TurnStartingContext(InvocationContext invocation, IDictionary<string, object?> items, ChatMessage userMessage, IReadOnlyList<ChatMessage> history)
        : base(invocation, items)
    {
        UserMessage = userMessage;
        History = history;
    }

    /// <summary>The user's message.</summary>
    public ChatMessage UserMessage { get; }

    /// <summary>The earlier conversation (after windowing).</summary>
    public IReadOnlyList<ChatMessage> History { get; }
}
