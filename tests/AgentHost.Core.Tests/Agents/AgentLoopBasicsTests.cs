using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Agents;

public sealed class AgentLoopBasicsTests
{
    [Fact]
    public async Task RunAsync_ModelAnswersWithText_EndsTurnWithTextAndUsageAsync()
    {
        var fixture = new LoopFixture();
        fixture.Model.ThenText("Hello there.", inputTokens: 12, outputTokens: 3);

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal("Hello there.", result.Outcome.Text);
        Assert.Equal(new TokenUsage(12, 3, 15), result.Outcome.Usage);
        Assert.Equal(1, result.Outcome.Cycles);
        Assert.Equal(2, result.NewMessages.Count);
        Assert.Equal(ChatRole.User, result.NewMessages[0].Role);
        Assert.Equal("Be helpful.", fixture.Model.Calls[0].Options!.Instructions);
    }

    [Fact]
    public async Task RunAsync_ModelCallsTool_SendsResultBackAndSumsUsageAsync()
    {
        var fixture = new LoopFixture();
        fixture.Tools.Add(TestTools.Create("get_profile", (args, _) => new ValueTask<object?>($"profile of {args["customerId"]}")));
        fixture.Model
            .ThenToolCalls(Responses.Call("c1", "get_profile", ("customerId", "C-1042")))
            .Then(call =>
            {
                var result = Assert.Single(call.Messages[^1].Contents.OfType<FunctionResultContent>());
                Assert.Equal("profile of C-1042", result.Result);
                return Responses.Text("Done.", 20, 4);
            });

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal(2, result.Outcome.Cycles);
        Assert.Equal(new TokenUsage(30, 9, 39), result.Outcome.Usage);
        var call = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(("get_profile", ToolCallStatus.Success, "C-1042"), (call.Name, call.Status, call.Input.GetProperty("customerId").GetString()));
        Assert.Equal(4, result.NewMessages.Count);
        Assert.Equal(["get_profile"], fixture.Model.Calls[0].ToolNames);
    }

    [Fact]
    public async Task RunAsync_UnknownTool_ModelSeesNotFoundErrorAndTurnContinuesAsync()
    {
        var fixture = new LoopFixture();
        fixture.Model
            .ThenToolCalls(Responses.Call("c1", "no_such_tool"))
            .Then(call =>
            {
                var result = Assert.Single(call.Messages[^1].Contents.OfType<FunctionResultContent>());
                Assert.True(ToolResultStatus.IsError(result));
                Assert.Contains("no_such_tool", result.Result?.ToString(), StringComparison.Ordinal);
                return Responses.Text("Sorry.");
            });

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal(ToolCallStatus.NotFound, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task RunAsync_ToolThrows_ModelSeesErrorResultWithMessageAsync()
    {
        var fixture = new LoopFixture();
        fixture.Tools.Add(TestTools.Create("explode", (_, _) => throw new InvalidOperationException("backend unavailable")));
        fixture.Model
            .ThenToolCalls(Responses.Call("c1", "explode"))
            .Then(call =>
            {
                var result = Assert.Single(call.Messages[^1].Contents.OfType<FunctionResultContent>());
                Assert.True(ToolResultStatus.IsError(result));
                Assert.Contains("backend unavailable", result.Result?.ToString(), StringComparison.Ordinal);
                return Responses.Text("The system is down.");
            });

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        var call = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Error, call.Status);
        Assert.Contains("backend unavailable", call.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ModelKeepsCallingTools_StopsAtMaxCyclesAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.MaxCycles = 3;
        fixture.Tools.Add(TestTools.Create("ping", (_, _) => new ValueTask<object?>("pong")));
        fixture.Model.Fallback = call => Responses.ToolCalls(Responses.Call("c" + call.Messages.Count, "ping"));

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.MaxCycles, result.Outcome.StopReason);
        Assert.Equal(3, result.Outcome.Cycles);
        Assert.Equal(3, fixture.Model.Calls.Count);
        Assert.Equal(3, result.Outcome.ToolCalls.Count);
    }

    [Fact]
    public async Task RunAsync_TokenBudgetUsedUp_StopsWithMaxTokensBeforeNextModelCallAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.MaxTokens = 20;
        fixture.Tools.Add(TestTools.Create("ping", (_, _) => new ValueTask<object?>("pong")));
        fixture.Model.Fallback = call => new ChatResponse(new ChatMessage(ChatRole.Assistant, [Responses.Call("c" + call.Messages.Count, "ping")]))
        {
            Usage = Responses.Usage(8, 4),
        };

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.MaxTokens, result.Outcome.StopReason);
        Assert.Equal(2, result.Outcome.Cycles);
        Assert.Equal(24, result.Outcome.Usage.TotalTokens);
    }

    [Fact]
    public async Task RunAsync_ModelHitsOutputLimit_StopsWithMaxTokensAsync()
    {
        var fixture = new LoopFixture();
        fixture.Model.Then(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, "Partial answer")) { FinishReason = ChatFinishReason.Length });

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.MaxTokens, result.Outcome.StopReason);
        Assert.Equal("Partial answer", result.Outcome.Text);
    }

    [Fact]
    public async Task RunAsync_ModelThrows_EndsWithErrorAndConsistentMessagesAsync()
    {
        var fixture = new LoopFixture();
        fixture.Model.ThenThrow(new HttpRequestException("model endpoint refused the connection"));

        var events = new List<AgentEvent>();
        await foreach (var item in fixture.CreateLoop().RunStreamingAsync(LoopFixture.Request(), TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        var error = Assert.Single(events.OfType<AgentErrorEvent>());
        Assert.Equal(nameof(HttpRequestException), error.ErrorType);
        var finished = Assert.IsType<TurnFinishedEvent>(events[^1]);
        Assert.Equal(StopReason.Error, finished.Result.Outcome.StopReason);
        Assert.Contains("refused", finished.Result.Outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(finished.Result.NewMessages);
    }

    [Fact]
    public void Constructor_MaxCyclesBelowOne_ThrowsWithSettingName()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.MaxCycles = 0;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => fixture.CreateLoop());
        Assert.Contains("MaxCycles", error.Message, StringComparison.Ordinal);
    }
}
