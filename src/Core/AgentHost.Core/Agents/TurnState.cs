using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Agents;

/// <summary>The mutable state of one running turn.</summary>
internal sealed class TurnState
{
    public TurnState(AgentTurnRequest request, List<ChatMessage> conversation, int turnStart)
    {
        Request = request;
        Conversation = conversation;
        TurnStart = turnStart;
    }

    public AgentTurnRequest Request { get; }

    public InvocationContext Invocation => Request.Context;

    /// <summary>History (windowed) followed by the messages of this turn.</summary>
    public List<ChatMessage> Conversation { get; }

    /// <summary>Index in <see cref="Conversation"/> of this turn's user message.</summary>
    public int TurnStart { get; }

    public Dictionary<string, object?> Items { get; } = new(StringComparer.Ordinal);

    public List<ToolCallRecord> ToolCalls { get; } = [];

    public TokenUsage Usage { get; set; }

    public int Cycles { get; set; }

    public string? InterruptReason { get; set; }

    public IEnumerable<ChatMessage> NewMessages => Conversation.Skip(TurnStart);
}
