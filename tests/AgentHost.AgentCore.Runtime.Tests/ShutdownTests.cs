using System.Net;
using AgentHost.Testing.Models;

namespace AgentHost.AgentCore.Runtime.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_WithTurnInFlight_LetsTheTurnFinishAndStoresItAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var called = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        host.Model.ThenAsync(async (_, ct) =>
        {
            called.SetResult();
            await release.Task.WaitAsync(ct);
            return Responses.Text("finished during shutdown");
        });

        var invocation = host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}"""), TestContext.Current.CancellationToken);
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        var stopping = host.App.StopAsync(TestContext.Current.CancellationToken);
        release.SetResult();
        using var response = await invocation;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finished during shutdown", (await InvocationTests.ReadJsonAsync(response)).GetProperty("text").GetString());
        var snapshot = await host.Store.LoadAsync(RuntimeTestHost.SessionId, 5, TestContext.Current.CancellationToken);
        Assert.Equal(1, snapshot.Header!.TurnCount);
    }

    [Fact]
    public async Task Shutdown_TurnOutlastsTheDrainPeriod_IsCancelledAndStoredConsistentlyAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync(configure: o => o.DrainTimeout = TimeSpan.FromSeconds(5));
        var called = new TaskCompletionSource();
        host.Model.ThenAsync(async (_, ct) =>
        {
            called.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Responses.Text("never");
        });

        var invocation = host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}"""), TestContext.Current.CancellationToken);
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        var stopping = host.App.StopAsync(TestContext.Current.CancellationToken);
        while (host.Time.PendingTimers == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        host.Time.Advance(TimeSpan.FromSeconds(6));
        using var response = await invocation;
        await stopping;

        Assert.Equal("cancelled", (await InvocationTests.ReadJsonAsync(response)).GetProperty("stopReason").GetString());
        var turns = new List<Abstractions.Conversations.TurnRecord>();
        await foreach (var turn in host.Store.ReadTurnsAsync(RuntimeTestHost.SessionId, 1, TestContext.Current.CancellationToken))
        {
            turns.Add(turn);
        }

        Assert.Equal(Abstractions.Agents.StopReason.Cancelled, Assert.Single(turns).Outcome.StopReason);
    }
}
