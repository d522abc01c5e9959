using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Agents;
using AgentHost.Testing.Models;
using AgentHost.Testing.Time;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Agents;

/// <summary>Builds a loop over the scripted model for one test.</summary>
internal sealed class LoopFixture
{
    public ScriptedChatClient Model { get; } = new();

    public ManualTimeProvider Time { get; } = new();

    public AgentOptions Options { get; } = new() { Instructions = "Be helpful." };

    public List<AIFunction> Tools { get; } = [];

    public List<AgentHook> Hooks { get; } = [];

    public List<IToolCallMiddleware> Middleware { get; } = [];

    public AgentLoop CreateLoop(IToolProvider? provider = null) =>
        new(Model, provider ?? new StaticToolProvider(Tools), Options, Hooks, Time, toolMiddleware: Middleware);

    public static AgentTurnRequest Request(string prompt = "hello", IReadOnlyList<ChatMessage>? history = null, DateTimeOffset? deadline = null) => new()
    {
        UserMessage = new ChatMessage(ChatRole.User, prompt),
        History = history ?? [],
        Context = new InvocationContext { SessionId = "session-0000000000000000000000000000001", TurnId = "turn-1" },
        Deadline = deadline,
    };
}
