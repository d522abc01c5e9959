using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Agents;
using AgentHost.Sanitization.Replies;
using AgentHost.Sanitization.Tools;
using AgentHost.Testing.Models;
using AgentHost.Testing.Time;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Sanitization.Tests.Tools;

/// <summary>One agent turn over the scripted model in which the model calls one tool that returns a given result, with sanitisation wired as the host wires it.</summary>
internal sealed class SanitizedLoop
{
    public ScriptedChatClient Model { get; } = new();

    public SanitizationOptions Options { get; init; } = new();

    public IAuditTrail? Audit { get; init; }

    public string ToolName { get; init; } = "crm___get_case";

    public string? Channel { get; init; }

    /// <summary>Runs the turn: the model calls the tool (call id c1), then answers <paramref name="reply"/>.</summary>
    public async Task<AgentTurnResult> RunAsync(object? toolResult, string reply = "done", ToolCallStatus status = ToolCallStatus.Success)
    {
        Model.ThenToolCalls(Responses.Call("c1", ToolName)).ThenText(reply);
        var tool = TestTools.Create(ToolName, (_, _) => status == ToolCallStatus.Success
            ? new ValueTask<object?>(toolResult)
            : throw new InvalidOperationException(toolResult?.ToString()));
        var loop = new AgentLoop(
            new ReplyMaskingChatClient(Model, new ReplyMasker(Options)),
            new StaticToolProvider([tool]),
            new AgentOptions { Instructions = "Be helpful." },
            [new SanitizationHook(Options)],
            new ManualTimeProvider(),
            toolMiddleware: [new SanitizingToolCallMiddleware(Options, Audit)]);
        var request = new AgentTurnRequest
        {
            UserMessage = new ChatMessage(ChatRole.User, "What does the case say?"),
            History = [],
            Context = new InvocationContext { SessionId = "session-0000000000000000000000000000001", TurnId = "turn-1", Channel = Channel },
        };
        return await loop.RunAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The tool result the model saw in its second call.</summary>
    public object? Seen => Assert.Single(Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>()).Result;

    /// <summary>The tool result as stored in the turn's new messages.</summary>
    public static object? Stored(AgentTurnResult result) =>
        Assert.Single(result.NewMessages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()).Result;
}
