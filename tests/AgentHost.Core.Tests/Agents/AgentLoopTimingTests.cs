using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Models;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Agents;

public sealed class AgentLoopTimingTests
{
    [Fact]
    public async Task RunAsync_ToolExceedsDefaultTimeout_ModelSeesTimeoutErrorAndTurnContinuesAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.DefaultToolTimeout = TimeSpan.FromSeconds(5);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Tools.Add(TestTools.Create("slow", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "slow")).ThenText("It timed out.");

        var turn = fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        fixture.Time.Advance(TimeSpan.FromSeconds(6));
        var result = await turn;

        var call = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Timeout, call.Status);
        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        var seen = Assert.Single(fixture.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Contains("did not answer within 5 seconds", seen.Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ToolIgnoresCancellation_PerToolTimeoutStillEndsTheCallAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.DefaultToolTimeout = TimeSpan.FromMinutes(10);
        fixture.Options.Limits.ToolTimeouts["stubborn"] = TimeSpan.FromSeconds(2);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverEnds = new TaskCompletionSource<object?>();
        fixture.Tools.Add(TestTools.Create("stubborn", (_, _) =>
        {
            started.SetResult();
            return new ValueTask<object?>(neverEnds.Task);
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "stubborn")).ThenText("ok");

        var turn = fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        var result = await turn;

        Assert.Equal(ToolCallStatus.Timeout, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task RunAsync_DeadlinePassesDuringTool_StopsWithDeadlineAndClosesToolCallAsync()
    {
        var fixture = new LoopFixture();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Tools.Add(TestTools.Create("slow", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "slow")).ThenText("never reached");

        var deadline = fixture.Time.GetUtcNow().AddSeconds(8);
        var turn = fixture.CreateLoop().RunAsync(LoopFixture.Request(deadline: deadline), TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        fixture.Time.Advance(TimeSpan.FromSeconds(9));
        var result = await turn;

        Assert.Equal(StopReason.Deadline, result.Outcome.StopReason);
        Assert.Equal(ToolCallStatus.Cancelled, Assert.Single(result.Outcome.ToolCalls).Status);
        Assert.Single(fixture.Model.Calls);
        AssertEveryToolCallHasAResult(result.NewMessages);
    }

    [Fact]
    public async Task RunAsync_TurnTimeoutShorterThanDeadline_TurnTimeoutAppliesAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.TurnTimeout = TimeSpan.FromSeconds(3);
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.ThenAsync(async (_, ct) =>
        {
            called.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Responses.Text("never");
        });

        var turn = fixture.CreateLoop().RunAsync(LoopFixture.Request(deadline: fixture.Time.GetUtcNow().AddMinutes(5)), TestContext.Current.CancellationToken);
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        fixture.Time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(StopReason.Deadline, (await turn).Outcome.StopReason);
    }

    [Fact]
    public async Task RunAsync_CallerCancelsDuringModelCall_StopsWithCancelledAsync()
    {
        var fixture = new LoopFixture();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.ThenAsync(async (_, ct) =>
        {
            called.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Responses.Text("never");
        });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var turn = fixture.CreateLoop().RunAsync(LoopFixture.Request(), cts.Token);
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        var result = await turn;

        Assert.Equal(StopReason.Cancelled, result.Outcome.StopReason);
        Assert.Single(result.NewMessages);
    }

    [Fact]
    public async Task RunAsync_ContextOverflow_TrimsHistoryAndRetriesOnceAsync()
    {
        var fixture = new LoopFixture();
        var history = new List<ChatMessage>();
        for (var i = 0; i < 10; i++)
        {
            history.Add(new ChatMessage(ChatRole.User, $"question {i} " + new string('x', 400)));
            history.Add(new ChatMessage(ChatRole.Assistant, $"answer {i} " + new string('y', 400)));
        }

        fixture.Model.ThenThrow(new ModelContextOverflowException()).ThenText("fits now");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request("latest", history), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal(2, fixture.Model.Calls.Count);
        Assert.True(fixture.Model.Calls[1].Messages.Count < fixture.Model.Calls[0].Messages.Count);
        Assert.Equal("latest", fixture.Model.Calls[1].Messages[^1].Text);
    }

    [Fact]
    public async Task RunAsync_ContextOverflowTwice_EndsWithErrorAsync()
    {
        var fixture = new LoopFixture();
        var history = new List<ChatMessage> { new(ChatRole.User, "old"), new(ChatRole.Assistant, "reply") };
        fixture.Model.ThenThrow(new ModelContextOverflowException()).ThenThrow(new ModelContextOverflowException());

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request("latest", history), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.Error, result.Outcome.StopReason);
        Assert.Equal(2, fixture.Model.Calls.Count);
    }

    internal static void AssertEveryToolCallHasAResult(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        var calls = list.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).Select(c => c.CallId).ToHashSet();
        var results = list.SelectMany(m => m.Contents.OfType<FunctionResultContent>()).Select(r => r.CallId).ToHashSet();
        Assert.Equal(calls, results);
    }
}
