using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnModelCallingAsync"/>.</summary>
public sealed class ModelCallingContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public ModelCallingContext(InvocationContext invocation, IDictionary<string, object?> items, int cycle, IList<ChatMessage> messages, ChatOptions options)
        : base(invocation, items)
    {
        Cycle = cycle;
        Messages = messages;
        Options = options;
    }

    /// <summary>The model call number in this turn (1-based).</summary>
    public int Cycle { get; }

    /// <summary>
    /// The messages sent to the model for this call. Changes affect this call only and are not stored in the
    /// conversation (use this to inject supervisor guidance the customer never sees).
    /// </summary>
    public IList<ChatMessage> Messages { get; }

    /// <summary>The options of this call (tools, instructions, inference settings). Changes affect this call only.</summary>
    public ChatOptions Options { get; }
}
