using AgentHost.AgentCore.Client.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AgentHost.AgentCore.Client.Tests.Retries;

/// <summary>The caller's deadline bounds every attempt and every wait. Time is the manual clock: nothing here waits for real time.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task InvokeAsync_RetriesThatWouldOutliveTheDeadline_AreNotStartedAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            server.EnqueueAwsError(503, "ServiceUnavailableException");
        }

        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget(), new AgentRuntimeClientOptions { MaxRetries = 10, RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(10), MinAttemptTime = TimeSpan.FromMilliseconds(250) });
        var deadline = clients.Time.GetUtcNow().AddSeconds(3);

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(deadline: deadline), TestContext.Current.CancellationToken));

        // Attempt 1 at 0 s, wait 1 s, attempt 2 at 1 s; a 2 s wait would leave nothing of the 3 s budget: stop there.
        Assert.Equal(AgentRuntimeErrorKind.ServiceUnavailable, error.Kind);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], clients.Delays);
        Assert.True(clients.Time.GetUtcNow() < deadline);
        Assert.Equal([2500L, 1500L], server.Requests.Select(r => r.Body!["timeoutMs"]!.GetValue<long>()));
    }

    [Fact]
    public async Task InvokeAsync_DeadlinePassesDuringAnAttempt_ThrowsDeadlineExceededWithoutRetryAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueHang();
        server.EnqueueAnswer();
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());
        var deadline = clients.Time.GetUtcNow().AddSeconds(2);

        var call = client.InvokeAsync(Clients.Request(deadline: deadline), TestContext.Current.CancellationToken);
        await server.Received.Task.WaitAsync(TestContext.Current.CancellationToken);
        clients.Time.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => call);

        Assert.Equal(AgentRuntimeErrorKind.DeadlineExceeded, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, error.Attempts);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_DeadlineAlreadyPassed_SendsNothingAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(deadline: clients.Time.GetUtcNow()), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.DeadlineExceeded, error.Kind);
        Assert.Equal(0, error.Attempts);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_DeadlineFarAway_IsNotSentAndDoesNotFailAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        using var client = new Clients().Create(server.ArnTarget());

        await client.InvokeAsync(Clients.Request(deadline: DateTimeOffset.MaxValue), TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(server.Requests).Body!["timeoutMs"]);
    }

    [Fact]
    public async Task InvokeAsync_AttemptTimeout_RetriesTheTurnWithTheSameTurnIdAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueHang();
        server.EnqueueAnswer("Second attempt.");
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget(), new AgentRuntimeClientOptions { AttemptTimeout = TimeSpan.FromSeconds(5) });

        var call = client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);
        await server.Received.Task.WaitAsync(TestContext.Current.CancellationToken);
        clients.Time.Advance(TimeSpan.FromSeconds(5));
        var response = await call;

        Assert.Equal("Second attempt.", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].TurnId, server.Requests[1].TurnId);
    }

    [Fact]
    public async Task InvokeStreamingAsync_DeadlinePassesMidStream_ThrowsDeadlineExceededAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        var release = new TaskCompletionSource();
        server.Enqueue(async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync("event: message\ndata: {\"text\":\"first\"}\n\n", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            try
            {
                await release.Task.WaitAsync(ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());
        var deadline = clients.Time.GetUtcNow().AddSeconds(10);

        await using var events = client.InvokeStreamingAsync(Clients.Request(deadline: deadline), TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("first", Assert.IsType<InvocationTextDelta>(events.Current).Text);
        var next = events.MoveNextAsync().AsTask();
        clients.Time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => next);
        release.TrySetResult();

        Assert.Equal(AgentRuntimeErrorKind.DeadlineExceeded, error.Kind);
    }
}
