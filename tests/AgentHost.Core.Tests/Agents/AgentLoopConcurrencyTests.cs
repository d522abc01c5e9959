using AgentHost.Abstractions.Agents;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Agents;

public sealed class AgentLoopConcurrencyTests
{
    [Fact]
    public async Task RunAsync_SeveralToolCalls_RunConcurrentlyUpToTheCapAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.MaxConcurrentToolCalls = 2;
        var running = 0;
        var maxRunning = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Tools.Add(TestTools.Create("work", async (args, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            if (now == 2)
            {
                twoRunning.TrySetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref running);
            return args["n"];
        }));
        fixture.Model
            .ThenToolCalls([.. Enumerable.Range(1, 5).Select(i => Responses.Call("c" + i, "work", ("n", i)))])
            .ThenText("all done");

        var turn = fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);
        await twoRunning.Task.WaitAsync(TestContext.Current.CancellationToken);
        release.SetResult();
        var result = await turn;

        Assert.Equal(2, maxRunning);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], result.Outcome.ToolCalls.Select(c => c.CallId));
        Assert.All(result.Outcome.ToolCalls, c => Assert.Equal(ToolCallStatus.Success, c.Status));
        var results = fixture.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>().ToList();
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], results.Select(r => r.CallId));
    }

    [Fact]
    public async Task RunAsync_OneOfSeveralToolsFails_OthersStillSucceedAsync()
    {
        var fixture = new LoopFixture();
        fixture.Tools.Add(TestTools.Create("ok", (_, _) => new ValueTask<object?>("fine")));
        fixture.Tools.Add(TestTools.Create("bad", (_, _) => throw new InvalidOperationException("nope")));
        fixture.Model.ThenToolCalls(Responses.Call("a", "ok"), Responses.Call("b", "bad"), Responses.Call("c", "ok")).ThenText("mixed");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal([ToolCallStatus.Success, ToolCallStatus.Error, ToolCallStatus.Success], result.Outcome.ToolCalls.Select(c => c.Status));
    }

    [Fact]
    public async Task RunStreamingAsync_TurnWithToolCall_StreamsTextDeltasToolEventsAndFinishedLastAsync()
    {
        var fixture = new LoopFixture();
        fixture.Tools.Add(TestTools.Create("lookup", (_, _) => new ValueTask<object?>("42")));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "lookup", ("q", "x"))).ThenText("The answer is 42.");

        var events = new List<AgentEvent>();
        await foreach (var item in fixture.CreateLoop().RunStreamingAsync(LoopFixture.Request(), TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        var started = Assert.Single(events.OfType<ToolCallStartedEvent>());
        Assert.Equal(("c1", "lookup", "x"), (started.CallId, started.Name, started.Input.GetProperty("q").GetString()));
        var finished = Assert.Single(events.OfType<ToolCallFinishedEvent>());
        Assert.Equal(ToolCallStatus.Success, finished.Call.Status);
        Assert.True(events.IndexOf(started) < events.IndexOf(finished));
        Assert.Equal("The answer is 42.", string.Concat(events.OfType<TextDeltaEvent>().Select(e => e.Text)));
        Assert.Equal(4, events.OfType<TextDeltaEvent>().Count());
        Assert.IsType<TurnFinishedEvent>(events[^1]);
    }

    [Fact]
    public async Task RunStreamingAsync_ConsumerStopsEarly_TurnIsCancelledAsync()
    {
        var fixture = new LoopFixture();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Tools.Add(TestTools.Create("wait", async (_, ct) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }

            return null;
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "wait"));

        await foreach (var item in fixture.CreateLoop().RunStreamingAsync(LoopFixture.Request(), TestContext.Current.CancellationToken))
        {
            if (item is ToolCallStartedEvent)
            {
                break;
            }
        }

        await cancelled.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
