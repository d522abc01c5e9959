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

    /// <summary>The calls this turn suspended, in call order.</summary>
    public List<PendingToolCall> PendingCalls { get; } = [];

    public TokenUsage Usage { get; set; }

    public int Cycles { get; set; }

    public string? InterruptReason { get; private set; }

    public IEnumerable<ChatMessage> NewMessages => Conversation.Skip(TurnStart);

    /// <summary>Records a finished (or suspended) tool call. Thread-safe.</summary>
    public void Record(ToolCallRecord record, PendingToolCall? pending)
    {
        lock (ToolCalls)
        {
            ToolCalls.Add(record);
            if (pending is not null)
            {
                PendingCalls.Add(pending);
            }
        }
    }

    /// <summary>Ends the turn with <see cref="StopReason.Interrupted"/> once the current tool calls finished (the first reason wins). Thread-safe.</summary>
    public void Interrupt(string reason)
    {
        lock (ToolCalls)
        {
            InterruptReason ??= reason;
        }
    }
}
