using System.Text.Json;
using AgentHost.AgentCore.Runtime.Ping;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.AgentCore.Runtime.Tests;

public sealed class PingTests
{
    private static readonly long Start = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public async Task Ping_AtStart_ReportsHealthyWithStartTimeAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();

        var (status, time) = await PingAsync(host);

        Assert.Equal(("Healthy", Start), (status, time));
    }

    [Fact]
    public async Task Ping_PolledOverTime_KeepsTheTimeOfLastUpdateAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(("Healthy", Start), await PingAsync(host));
        }
    }

    [Fact]
    public async Task Ping_BackgroundWork_ReportsBusyThenHealthyStampingEachChangeAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var tracker = host.App.Services.GetRequiredService<PingStatusTracker>();

        host.Time.Advance(TimeSpan.FromSeconds(10));
        var first = tracker.BeginBackgroundWork();
        var second = tracker.BeginBackgroundWork();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(("HealthyBusy", Start + 10), await PingAsync(host));

        first.Dispose();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(("HealthyBusy", Start + 10), await PingAsync(host));

        second.Dispose();
        second.Dispose();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(("Healthy", Start + 20), await PingAsync(host));
    }

    [Fact]
    public async Task Ping_DuringAnInvocation_StaysHealthyAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var release = new TaskCompletionSource();
        var called = new TaskCompletionSource();
        host.Model.ThenAsync(async (_, ct) =>
        {
            called.SetResult();
            await release.Task.WaitAsync(ct);
            return Testing.Models.Responses.Text("done");
        });

        var invocation = host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}"""), TestContext.Current.CancellationToken);
        await called.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", (await PingAsync(host)).Status);
        release.SetResult();
        (await invocation).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Ping_WhileStarting_Answers503ThenHealthyOnceReadyAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        var readiness = host.App.Services.GetRequiredService<RuntimeReadiness>();

        readiness.MarkStarting();
        using (var starting = await host.Client.GetAsync("/ping", TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        }

        readiness.MarkReady();
        Assert.Equal(("Healthy", Start), await PingAsync(host));
    }

    private static async Task<(string Status, long Time)> PingAsync(RuntimeTestHost host)
    {
        using var response = await host.Client.GetAsync("/ping", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = body.RootElement;
        return (root.GetProperty("status").GetString()!, root.GetProperty("time_of_last_update").GetInt64());
    }
}
