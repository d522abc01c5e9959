using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Tests.Agents;
using AgentHost.Core.Tools;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Tools;

public sealed class ToolCallMiddlewareTests
{
    [Fact]
    public async Task RunAsync_TwoMiddleware_FirstRegisteredIsOutermostAsync()
    {
        var fixture = new LoopFixture();
        var log = new List<string>();
        fixture.Middleware.Add(Recording("A", log));
        fixture.Middleware.Add(Recording("B", log));
        fixture.Tools.Add(TestTools.Create("t", (_, _) =>
        {
            log.Add("tool");
            return new ValueTask<object?>("r");
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "t")).ThenText("done");

        await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(["A:before", "B:before", "tool", "B:after:Success", "A:after:Success"], log);
    }

    [Fact]
    public async Task RunAsync_MiddlewareReplacesArguments_ToolReceivesThemAndTheRecordShowsThemAsync()
    {
        var fixture = new LoopFixture();
        string? received = null;
        fixture.Middleware.Add(new DelegateToolCallMiddleware((context, next, ct) =>
        {
            context.Arguments = new Dictionary<string, object?> { ["amount"] = 10 };
            return next(context, ct);
        }));
        fixture.Tools.Add(TestTools.Create("refund", (args, _) =>
        {
            received = args["amount"]?.ToString();
            return new ValueTask<object?>("ok");
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "refund", ("amount", 5000))).ThenText("done");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal("10", received);
        Assert.Equal(10, Assert.Single(result.Outcome.ToolCalls).Input.GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task RunAsync_MiddlewareRefusesWithoutCallingNext_ToolDoesNotRunAndModelSeesTheDenialAsync()
    {
        var fixture = new LoopFixture();
        var ran = false;
        fixture.Middleware.Add(new DelegateToolCallMiddleware((_, _, _) => ValueTask.FromResult(ToolCallOutcome.Denied("refunds are not allowed on this channel"))));
        fixture.Tools.Add(TestTools.Create("refund", (_, _) =>
        {
            ran = true;
            return new ValueTask<object?>("ok");
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "refund")).ThenText("I cannot do that.");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.False(ran);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(result.Outcome.ToolCalls).Status);
        var seen = Assert.Single(fixture.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Contains("refunds are not allowed on this channel", seen.Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
    }

    [Fact]
    public async Task RunAsync_MiddlewareRewritesTheResultAndFlagsIt_ModelSeesTheRewriteAndTheRecordCarriesTheFlagAsync()
    {
        var fixture = new LoopFixture();
        fixture.Middleware.Add(new DelegateToolCallMiddleware(async (context, next, ct) =>
        {
            var outcome = await next(context, ct);
            return outcome.WithResult("card [CARD ••••4242]").WithFlag("sanitised:pii");
        }));
        fixture.Tools.Add(TestTools.Create("crm", (_, _) => new ValueTask<object?>("card 4242424242424242")));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "crm")).ThenText("done");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        var seen = Assert.Single(fixture.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Equal("card [CARD ••••4242]", seen.Result);
        Assert.Equal(["sanitised:pii"], Assert.Single(result.Outcome.ToolCalls).Flags);
        Assert.DoesNotContain(result.NewMessages.SelectMany(m => m.Contents).OfType<FunctionResultContent>(), r => r.Result?.ToString()?.Contains("4242424242424242", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RunAsync_MiddlewareShortensTheTimeout_TheToolTimesOutAtTheShorterTimeoutAsync()
    {
        var fixture = new LoopFixture();
        fixture.Options.Limits.DefaultToolTimeout = TimeSpan.FromMinutes(5);
        fixture.Middleware.Add(new DelegateToolCallMiddleware((context, next, ct) =>
        {
            context.Timeout = TimeSpan.FromSeconds(1);
            return next(context, ct);
        }));
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
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        var result = await turn;

        Assert.Equal(ToolCallStatus.Timeout, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task RunAsync_MiddlewareThrows_ToolDoesNotRunAndModelSeesAnErrorResultAsync()
    {
        var fixture = new LoopFixture();
        var ran = false;
        fixture.Middleware.Add(new DelegateToolCallMiddleware((_, _, _) => throw new InvalidOperationException("policy store unreachable")));
        fixture.Tools.Add(TestTools.Create("refund", (_, _) =>
        {
            ran = true;
            return new ValueTask<object?>("ok");
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "refund")).ThenText("Sorry.");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.False(ran);
        var record = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Error, record.Status);
        Assert.Contains("policy store unreachable", record.Error, StringComparison.Ordinal);
        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
    }

    [Fact]
    public async Task RunAsync_MiddlewareInterrupts_TurnEndsInterruptedAfterTheCallAsync()
    {
        var fixture = new LoopFixture();
        fixture.Middleware.Add(new DelegateToolCallMiddleware(async (context, next, ct) => (await next(context, ct)).WithInterrupt("fraud suspected")));
        fixture.Tools.Add(TestTools.Create("lookup", (_, _) => new ValueTask<object?>("ok")));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "lookup"));

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.Interrupted, result.Outcome.StopReason);
        Assert.Single(fixture.Model.Calls);
    }

    [Fact]
    public async Task RunAsync_UnknownTool_MiddlewareSeesTheCallAndTheInnermostStepAnswersNotFoundAsync()
    {
        var fixture = new LoopFixture();
        var seen = new List<(string Name, bool Resolved)>();
        fixture.Middleware.Add(new DelegateToolCallMiddleware((context, next, ct) =>
        {
            seen.Add((context.ToolName, context.Tool is not null));
            return next(context, ct);
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "no_such_tool")).ThenText("ok");

        var result = await fixture.CreateLoop().RunAsync(LoopFixture.Request(), TestContext.Current.CancellationToken);

        Assert.Equal([("no_such_tool", false)], seen);
        Assert.Equal(ToolCallStatus.NotFound, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task RunAsync_ToolReadsTheInvocation_ItGetsTheCallersCredentialAndDeadlineThroughItsArgumentsAsync()
    {
        var fixture = new LoopFixture();
        InvocationContext? seen = null;
        JsonElement? json = null;
        fixture.Tools.Add(TestTools.Create("whoami", (args, _) =>
        {
            seen = args.GetInvocation();
            json = args.GetArgumentsJson();
            return new ValueTask<object?>("ok");
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "whoami", ("x", 1))).ThenText("done");
        var deadline = fixture.Time.GetUtcNow().AddMinutes(1);
        var request = LoopFixture.Request() with
        {
            Context = new InvocationContext
            {
                SessionId = "session-0000000000000000000000000000001",
                TurnId = "turn-1",
                Authorization = CallerAuthorization.FromHeader("Bearer caller-token"),
                Caller = new CallerIdentity { Subject = "customer-7", Profile = "retail", Source = "jwt", Verified = true },
                Deadline = deadline,
            },
        };

        await fixture.CreateLoop().RunAsync(request, TestContext.Current.CancellationToken);

        Assert.NotNull(seen);
        Assert.Equal("Bearer caller-token", seen.Authorization?.Value);
        Assert.Equal("retail", seen.Caller?.Profile);
        Assert.Equal(deadline, seen.Deadline);
        Assert.Equal(1, json?.GetProperty("x").GetInt32());
        Assert.DoesNotContain("caller-token", seen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunStreamingAsync_ToolReportsProgress_StreamsProgressEventsBetweenItsStartAndFinishAsync()
    {
        var fixture = new LoopFixture();
        fixture.Tools.Add(TestTools.Create("export", (args, _) =>
        {
            var progress = args.GetProgress();
            progress?.Report(new ToolProgress(1, 2, "half"));
            progress?.Report(new ToolProgress(2, 2));
            return new ValueTask<object?>("exported");
        }));
        fixture.Model.ThenToolCalls(Responses.Call("c1", "export")).ThenText("done");

        var events = new List<AgentEvent>();
        await foreach (var item in fixture.CreateLoop().RunStreamingAsync(LoopFixture.Request(), TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        var started = events.FindIndex(e => e is ToolCallStartedEvent);
        var finished = events.FindIndex(e => e is ToolCallFinishedEvent);
        var progressEvents = events.OfType<ToolCallProgressEvent>().ToList();
        Assert.Equal([new ToolCallProgressEvent("c1", "export", 1, 2, "half"), new ToolCallProgressEvent("c1", "export", 2, 2, null)], progressEvents);
        Assert.All(progressEvents, p => Assert.InRange(events.IndexOf(p), started + 1, finished - 1));
    }

    [Fact]
    public void InvocationContext_ToString_RedactsTheCallersCredentialAndWorkloadToken()
    {
        var invocation = new InvocationContext
        {
            SessionId = "s",
            TurnId = "t",
            Authorization = CallerAuthorization.FromHeader("Bearer caller-secret"),
            WorkloadAccessToken = WorkloadAccessToken.FromHeader("wat-secret"),
        };

        Assert.DoesNotContain("secret", invocation.ToString(), StringComparison.Ordinal);
        Assert.Equal("wat-secret", invocation.WorkloadAccessToken?.Value);
    }

    private static DelegateToolCallMiddleware Recording(string name, List<string> log) => new(async (context, next, ct) =>
    {
        log.Add($"{name}:before");
        var outcome = await next(context, ct);
        log.Add($"{name}:after:{outcome.Status}");
        return outcome;
    });
}
