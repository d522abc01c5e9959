using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnMessageAddedAsync"/>.</summary>
public sealed class MessageAddedContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public MessageAddedContext(InvocationContext invocation, IDictionary<string, object?> items, ChatMessage message)
        : base(invocation, items)
    {
        Message = message;
    }

    /// <summary>The message that was added.</summary>
    public ChatMessage Message { get; }
}
