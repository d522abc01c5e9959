using AgentHost.AgentCore.Client.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AgentHost.AgentCore.Client.Tests.Retries;

public sealed class CancellationTests
{
    [Fact]
    public async Task InvokeAsync_CallerCancelsDuringTheAttempt_ThrowsOperationCanceledWithoutRetryAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueHang();
        server.EnqueueAnswer();
        using var client = new Clients().Create(server.ArnTarget());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.InvokeAsync(Clients.Request(), cts.Token);
        await server.Received.Task.WaitAsync(TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancelsDuringTheBackoff_ThrowsOperationCanceledAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(503, "ServiceUnavailableException");
        server.EnqueueAnswer();
        var clients = new Clients();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var client = new AgentRuntimeClient(
            server.ArnTarget(),
            new AgentRuntimeClientOptions(),
            new AgentHost.Aws.Credentials.StaticAwsCredentialsProvider(FakeDataPlane.Credentials),
            transport: null,
            clients.Time,
            logger: null,
            delay: async (wait, token) =>
            {
                await cts.CancelAsync();
                token.ThrowIfCancellationRequested();
            },
            jitter: () => 1.0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync(Clients.Request(), cts.Token));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeStreamingAsync_CallerCancelsMidStream_ThrowsOperationCanceledAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.Enqueue(async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync("data: {\"text\":\"first\"}\n\n", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        using var client = new Clients().Create(server.ArnTarget());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in client.InvokeStreamingAsync(Clients.Request(), cts.Token))
            {
                Assert.Equal("first", Assert.IsType<InvocationTextDelta>(item).Text);
                await cts.CancelAsync();
            }
        });
    }
}
