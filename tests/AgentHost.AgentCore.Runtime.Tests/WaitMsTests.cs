using System.Net;
using System.Text.Json;
using AgentHost.Testing.Models;

namespace AgentHost.AgentCore.Runtime.Tests;

/// <summary>
/// <c>waitMs</c>: a turn that outlasts the caller's wait is answered <c>202 running</c> and goes on in the background
/// (HealthyBusy meanwhile); the same turn id collects it. Time is the host's manual clock, so no test waits on a timer.
/// </summary>
public sealed class WaitMsTests
{
    [Fact]
    public async Task Invoke_TurnOutlastsTheWait_Answers202RunningGoesOnAndIsCollectedByItsTurnIdAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Model.ThenAsync(async (_, _) =>
        {
            await release.Task;
            return Responses.Text("The report is ready.");
        });
        const string body = """{"prompt":"Run the big report","turnId":"turn-0001-abc","waitMs":5000}""";

        var first = host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);
        await WaitForTimersAsync(host, 2);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        using var running = await first;
        var runningBody = await ReadJsonAsync(running);

        var second = host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);
        await WaitForTimersAsync(host, 3);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        using var stillRunning = await second;
        var busy = await PingStatusAsync(host);

        release.SetResult();
        await WaitUntilAsync(async () => await PingStatusAsync(host) == "Healthy");
        using var collected = await host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);
        var collectedBody = await ReadJsonAsync(collected);

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal(("running", "turn-0001-abc", string.Empty), (runningBody.GetProperty("stopReason").GetString(), runningBody.GetProperty("turnId").GetString(), runningBody.GetProperty("text").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, stillRunning.StatusCode);
        Assert.Equal("HealthyBusy", busy);
        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        Assert.Equal(("The report is ready.", "endTurn", true), (collectedBody.GetProperty("text").GetString(), collectedBody.GetProperty("stopReason").GetString(), collectedBody.GetProperty("replayed").GetBoolean()));
        Assert.Single(host.Model.Calls);
    }

    [Fact]
    public async Task Invoke_TurnFinishesWithinTheWait_AnswersAsUsualAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenText("Quick answer.");

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi","waitMs":5000}"""), TestContext.Current.CancellationToken);
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Quick answer.", "endTurn"), (body.GetProperty("text").GetString(), body.GetProperty("stopReason").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("turnId").GetString()));
        Assert.Equal("Healthy", await PingStatusAsync(host));
    }

    [Fact]
    public async Task Invoke_CallerGoesAwayDuringTheWait_TheTurnGoesOnAndIsStoredCompleteAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var release = new TaskCompletionSource();
        var called = new TaskCompletionSource();
        host.Model.ThenAsync(async (_, _) =>
        {
            called.SetResult();
            await release.Task;
            return Responses.Text("Done anyway.");
        });
        const string body = """{"prompt":"slow one","turnId":"turn-0002-def","waitMs":60000}""";

        using (var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            var abandoned = host.Client.SendAsync(RuntimeTestHost.Invocation(body), caller.Token);
            await called.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await caller.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        await WaitUntilAsync(async () => await PingStatusAsync(host) == "HealthyBusy");
        release.SetResult();
        await WaitUntilAsync(async () => await PingStatusAsync(host) == "Healthy");
        using var collected = await host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);
        var collectedBody = await ReadJsonAsync(collected);

        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        Assert.Equal(("Done anyway.", "endTurn"), (collectedBody.GetProperty("text").GetString(), collectedBody.GetProperty("stopReason").GetString()));
    }

    [Fact]
    public async Task Invoke_NoTurnIdWithWaitMs_TheRunningAnswerCarriesOneToCollectWithAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var release = new TaskCompletionSource();
        host.Model.ThenAsync(async (_, _) =>
        {
            await release.Task;
            return Responses.Text("Later.");
        });

        var first = host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"later please","waitMs":1000}"""), TestContext.Current.CancellationToken);
        await WaitForTimersAsync(host, 2);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var running = await first;
        var turnId = (await ReadJsonAsync(running)).GetProperty("turnId").GetString();
        release.SetResult();
        await WaitUntilAsync(async () => await PingStatusAsync(host) == "Healthy");
        using var collected = await host.Client.SendAsync(RuntimeTestHost.Invocation($$"""{"prompt":"later please","turnId":"{{turnId}}"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.False(string.IsNullOrEmpty(turnId));
        Assert.Equal("Later.", (await ReadJsonAsync(collected)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Shutdown_WithATurnInTheBackground_WaitsForItAndStoresItCancelledAfterTheDrainAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync(configure: o => o.DrainTimeout = TimeSpan.FromSeconds(5));
        host.Model.ThenAsync(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Responses.Text("never");
        });
        var first = host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"slow","turnId":"turn-0003-aaa","waitMs":1000}"""), TestContext.Current.CancellationToken);
        await WaitForTimersAsync(host, 2);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var running = await first;

        var stopping = host.App.StopAsync(TestContext.Current.CancellationToken);
        await WaitForTimersAsync(host, 2);
        Assert.False(stopping.IsCompleted, "the host stopped before its background turn ended");
        host.Time.Advance(TimeSpan.FromSeconds(6));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        var stored = await host.Store.FindTurnAsync(RuntimeTestHost.SessionId, "turn-0003-aaa", TestContext.Current.CancellationToken);
        Assert.Equal(Abstractions.Agents.StopReason.Cancelled, stored!.Outcome.StopReason);
    }

    [Theory]
    [InlineData("""{"prompt":"x","waitMs":0}""", "application/json")]
    [InlineData("""{"prompt":"x","waitMs":-5}""", "application/json")]
    [InlineData("""{"prompt":"x","waitMs":86400001}""", "application/json")]
    [InlineData("""{"prompt":"x","waitMs":1000,"stream":true}""", "application/json")]
    [InlineData("""{"prompt":"x","waitMs":1000}""", "text/event-stream")]
    public async Task Invoke_InvalidWaitMs_Answers400WithAMessageAsync(string body, string accept)
    {
        await using var host = await RuntimeTestHost.StartAsync();

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation(body, accept: accept), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid waitMs", (await ReadJsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(host.Model.Calls);
    }

    private static async Task WaitForTimersAsync(RuntimeTestHost host, int count)
        => await WaitUntilAsync(() => Task.FromResult(host.Time.PendingTimers >= count));

    private static async Task<string> PingStatusAsync(RuntimeTestHost host)
    {
        using var response = await host.Client.GetAsync("/ping", TestContext.Current.CancellationToken);
        return (await ReadJsonAsync(response)).GetProperty("status").GetString()!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The condition did not become true.");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
