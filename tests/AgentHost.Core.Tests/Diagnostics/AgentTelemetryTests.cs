using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Agents;
using AgentHost.Core.Conversations;
using AgentHost.Core.Diagnostics;
using AgentHost.Core.Sessions;
using AgentHost.Core.Tools;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;

namespace AgentHost.Core.Tests.Diagnostics;

public sealed class AgentTelemetryTests
{
    [Fact]
    public async Task RunTurnAsync_ToolUsingTurn_InvokeAgentParentsTheStoreAndToolSpansAsync()
    {
        using var spans = new SpanRecorder();
        var (service, _) = Create("lookup_a", middleware: null);

        var result = await service.RunTurnAsync(new SessionTurnRequest { SessionId = "telemetry-a", Prompt = "hi", Channel = "CHAT" }, TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        var turn = spans.Single("invoke_agent telemetry-agent");
        Assert.Equal(spans.Root!.SpanId, turn.ParentSpanId);
        Assert.Equal("invoke_agent", turn.GetTagItem(GenAIAttributes.OperationName));
        Assert.Equal("telemetry-a", turn.GetTagItem(GenAIAttributes.ConversationId));
        Assert.Equal(result.TurnId, turn.GetTagItem(GenAIAttributes.TurnId));
        Assert.Equal("CHAT", turn.GetTagItem(GenAIAttributes.Channel));
        Assert.Equal("endTurn", turn.GetTagItem(GenAIAttributes.StopReason));
        Assert.Equal(2, turn.GetTagItem(GenAIAttributes.Cycles));
        Assert.Equal(1, turn.GetTagItem(GenAIAttributes.TurnToolCalls));
        Assert.Equal(20L, turn.GetTagItem(GenAIAttributes.InputTokens));

        Assert.Equal(turn.SpanId, spans.Single("store.load").ParentSpanId);
        var append = spans.Single("store.append_turn");
        Assert.Equal(turn.SpanId, append.ParentSpanId);
        Assert.Equal("appended", append.GetTagItem(GenAIAttributes.StoreOutcome));
        Assert.Equal(nameof(InMemoryConversationStore), append.GetTagItem(GenAIAttributes.StoreType));

        var tool = spans.Single("execute_tool lookup_a");
        Assert.Equal(turn.SpanId, tool.ParentSpanId);
        Assert.Equal("call-1", tool.GetTagItem(GenAIAttributes.ToolCallId));
        Assert.Equal("success", tool.GetTagItem(GenAIAttributes.ToolStatus));
        Assert.Equal(ActivityStatusCode.Unset, tool.Status);
        Assert.Null(tool.GetTagItem(GenAIAttributes.ToolCallArguments));
    }

    [Fact]
    public async Task RunTurnStreamingAsync_ToolUsingTurn_StoreAppendIsStillAChildOfInvokeAgentAsync()
    {
        using var spans = new SpanRecorder();
        var (service, _) = Create("lookup_b", middleware: null);

        await foreach (var _ in service.RunTurnStreamingAsync(new SessionTurnRequest { SessionId = "telemetry-b", Prompt = "hi" }, TestContext.Current.CancellationToken))
        {
            // The session service yields between the loop and the append: the append must still be the turn's child.
        }

        var turn = spans.Single("invoke_agent telemetry-agent");
        Assert.Equal(turn.SpanId, spans.Single("store.append_turn").ParentSpanId);
        Assert.Equal(turn.SpanId, spans.Single("execute_tool lookup_b").ParentSpanId);
    }

    [Fact]
    public async Task RunTurnAsync_MiddlewareRecordsPolicyDecisionAndFlags_ExecuteToolCarriesThemAndFlagsAreCountedAsync()
    {
        using var spans = new SpanRecorder();
        var flags = new ConcurrentBag<(long Value, string? Flag)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AgentHostTelemetry.MeterName && instrument.Name == "agenthost.tool.flags")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? flag = null, tool = null;
            foreach (var tag in tags)
            {
                flag = tag.Key == GenAIAttributes.ToolFlag ? tag.Value as string : flag;
                tool = tag.Key == GenAIAttributes.ToolName ? tag.Value as string : tool;
            }

            if (tool == "lookup_c")
            {
                flags.Add((value, flag));
            }
        });
        meters.Start();
        var policy = new DelegateToolCallMiddleware(async (context, next, cancellationToken) =>
        {
            context.RecordPolicyDecision("allow", "rule-7");
            var outcome = await next(context, cancellationToken);
            return outcome.WithFlag("sanitised:pii");
        });
        var (service, _) = Create("lookup_c", policy);

        await service.RunTurnAsync(new SessionTurnRequest { SessionId = "telemetry-c", Prompt = "hi" }, TestContext.Current.CancellationToken);

        var tool = spans.Single("execute_tool lookup_c");
        Assert.Equal("allow", tool.GetTagItem(GenAIAttributes.PolicyDecision));
        Assert.Equal("rule-7", tool.GetTagItem(GenAIAttributes.PolicyRule));
        Assert.Equal(["sanitised:pii"], Assert.IsType<string[]>(tool.GetTagItem(GenAIAttributes.ToolFlags)));
        Assert.Equal((1L, "sanitised:pii"), Assert.Single(flags));
    }

    [Fact]
    public async Task RunTurnAsync_ToolFails_ExecuteToolHasErrorStatusAndErrorTypeAsync()
    {
        using var spans = new SpanRecorder();
        var failing = TestTools.Create("lookup_d", (_, _) => throw new InvalidOperationException("boom"));
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("call-1", "lookup_d")).ThenText("done");
        var service = new AgentSessionService(new AgentLoop(model, new StaticToolProvider([failing]), new AgentOptions { Name = "telemetry-agent" }), new InMemoryConversationStore());

        await service.RunTurnAsync(new SessionTurnRequest { SessionId = "telemetry-d", Prompt = "hi" }, TestContext.Current.CancellationToken);

        var tool = spans.Single("execute_tool lookup_d");
        Assert.Equal(ActivityStatusCode.Error, tool.Status);
        Assert.Equal("error", tool.GetTagItem(GenAIAttributes.ErrorType));
        Assert.Null(tool.StatusDescription);
    }

    [Fact]
    public async Task RunTurnAsync_ModelThrows_InvokeAgentNamesTheExceptionTypeNotItsMessageAsync()
    {
        using var spans = new SpanRecorder();
        var model = new ScriptedChatClient().ThenThrow(new TimeoutException("secret-ish detail"));
        var service = new AgentSessionService(new AgentLoop(model, StaticToolProvider.Empty, new AgentOptions { Name = "telemetry-agent" }), new InMemoryConversationStore());

        var result = await service.RunTurnAsync(new SessionTurnRequest { SessionId = "telemetry-e", Prompt = "hi" }, TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.Error, result.Outcome.StopReason);
        var turn = spans.Single("invoke_agent telemetry-agent");
        Assert.Equal(ActivityStatusCode.Error, turn.Status);
        Assert.Equal("System.TimeoutException", turn.GetTagItem(GenAIAttributes.ErrorType));
        Assert.DoesNotContain(turn.TagObjects, t => t.Value is string s && s.Contains("secret-ish", StringComparison.Ordinal));
    }

    private static (AgentSessionService Service, ScriptedChatClient Model) Create(string toolName, IToolCallMiddleware? middleware)
    {
        var tool = TestTools.Create(toolName, (_, _) => ValueTask.FromResult<object?>("ok"));
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("call-1", toolName)).ThenText("done");
        var loop = new AgentLoop(model, new StaticToolProvider([tool]), new AgentOptions { Name = "telemetry-agent" }, toolMiddleware: middleware is null ? null : [middleware]);
        return (new AgentSessionService(loop, new InMemoryConversationStore()), model);
    }
}
