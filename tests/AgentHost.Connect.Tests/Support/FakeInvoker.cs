using System.Collections.Concurrent;
using AgentHost.Connect.Bridge;

namespace AgentHost.Connect.Tests.Support;

/// <summary>An <see cref="IAgentTurnInvoker"/> that answers with a delegate and records every call.</summary>
internal sealed class FakeInvoker(Func<AgentTurnCall, AgentTurnOutcome> answer) : IAgentTurnInvoker
{
    public ConcurrentQueue<AgentTurnCall> Calls { get; } = new();

    public Task<AgentTurnOutcome> InvokeAsync(AgentTurnCall call, CancellationToken cancellationToken)
    {
        Calls.Enqueue(call);
        return Task.FromResult(answer(call));
    }

    public static FakeInvoker Answering(string text, params AgentToolCall[] tools)
        => new(_ => AgentTurnOutcome.Completed(text, "endTurn", tools));
}
