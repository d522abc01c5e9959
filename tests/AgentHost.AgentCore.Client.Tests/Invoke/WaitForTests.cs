using System.Net;
using AgentHost.AgentCore.Client.Tests.Support;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client.Tests.Invoke;

/// <summary><see cref="AgentRuntimeRequest.WaitFor"/> and <see cref="AgentRuntimeRequest.TurnTimeout"/>: waitMs, timeoutMs and the 202 "running" answer.</summary>
public sealed class WaitForTests
{
    [Fact]
    public async Task InvokeAsync_WaitForAndTurnTimeout_SendsWaitMsWithinTheDeadlineAndTheTurnsOwnTimeoutMsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget(), new AgentRuntimeClientOptions { DeadlineReserve = TimeSpan.FromMilliseconds(500) });
        var request = new AgentRuntimeRequest
        {
            SessionId = FakeDataPlane.SessionId,
            Prompt = "Run the report",
            Deadline = clients.Time.GetUtcNow().AddSeconds(8),
            WaitFor = TimeSpan.FromSeconds(30),
            TurnTimeout = TimeSpan.FromMinutes(2),
        };

        await client.InvokeAsync(request, TestContext.Current.CancellationToken);

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal(7500, body["waitMs"]!.GetValue<long>());
        Assert.Equal(120_000, body["timeoutMs"]!.GetValue<long>());
    }

    [Fact]
    public async Task InvokeAsync_NoWaitFor_SendsNoWaitMsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        using var client = new Clients().Create(server.ArnTarget());

        await client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(server.Requests).Body!["waitMs"]);
    }

    [Fact]
    public async Task InvokeAsync_HostAnswers202Running_ReturnsTheRunningResponseWithItsTurnIdAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson((int)HttpStatusCode.Accepted, $$"""{"sessionId":"{{FakeDataPlane.SessionId}}","turnId":"turn-9","text":"","stopReason":"running","toolCalls":[],"usage":{"inputTokens":0,"outputTokens":0,"totalTokens":0},"cycles":0}""");
        using var client = new Clients().Create(server.ArnTarget());

        var request = new AgentRuntimeRequest { SessionId = FakeDataPlane.SessionId, Prompt = "Run the report", TurnId = "turn-9", WaitFor = TimeSpan.FromSeconds(5) };

        var response = await client.InvokeAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((InvocationStopReasons.Running, "turn-9", string.Empty), (response.StopReason, response.TurnId, response.Text));
        Assert.Single(server.Requests);
    }
}
