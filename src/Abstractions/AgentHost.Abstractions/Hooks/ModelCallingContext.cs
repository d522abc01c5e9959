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

    /// <summary>The messages added with <see cref="AddToConversation"/>, in order.</summary>
    public IReadOnlyList<ChatMessage> AddedToConversation => _added is null ? [] : _added;

    private List<ChatMessage>? _added;

    /// <summary>
    /// Adds a message to the turn's conversation, after the messages already in it: it is sent with this call and every
    /// later call, and stored with the turn (the transcript), but it is not part of the turn's reply. Supervisor guidance
    /// uses this, as a <see cref="ChatRole.System"/> message, so that the customer never sees it.
    /// </summary>
    public void AddToConversation(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Messages.Add(message);
        (_added ??= []).Add(message);
    }
}
