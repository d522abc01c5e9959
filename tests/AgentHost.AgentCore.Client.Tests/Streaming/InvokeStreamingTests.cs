using AgentHost.AgentCore.Client.Tests.Support;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client.Tests.Streaming;

public sealed class InvokeStreamingTests
{
    private const string Done = """{"sessionId":"s","turnId":"t","text":"Your balance is 42.","stopReason":"endTurn","toolCalls":[{"name":"bank___balance","input":{"account":"A-1"},"status":"success","durationMs":12,"toolUseId":"c1"}],"usage":{"inputTokens":9,"outputTokens":4,"totalTokens":13},"cycles":2}""";

    [Fact]
    public async Task InvokeStreamingAsync_HostEvents_AreTypedInOrderAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueSse(
            ("tool_call", """{"phase":"started","toolUseId":"c1","name":"bank___balance","input":{"account":"A-1"}}"""),
            ("tool_call", """{"phase":"finished","toolUseId":"c1","name":"bank___balance","input":{"account":"A-1"},"status":"success","durationMs":12}"""),
            ("message", """{"text":"Your balance "}"""),
            ("message", """{"text":"is 42."}"""),
            ("done", Done));
        using var client = new Clients().Create(server.ArnTarget());

        var events = await CollectAsync(client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken));

        var request = Assert.Single(server.Requests);
        Assert.Null(request.SignatureProblem);
        Assert.Equal("text/event-stream", request.Headers["accept"]);
        Assert.True(request.Body!["stream"]!.GetValue<bool>());
        Assert.Collection(
            events,
            e => Assert.Equal(ToolCallProgress.Started, Assert.IsType<InvocationToolCall>(e).Progress.Phase),
            e =>
            {
                var finished = Assert.IsType<InvocationToolCall>(e).Progress;
                Assert.Equal(("finished", "success", 12.0), (finished.Phase, finished.Status, finished.DurationMs));
                Assert.Equal("A-1", finished.Input.GetProperty("account").GetString());
            },
            e => Assert.Equal("Your balance ", Assert.IsType<InvocationTextDelta>(e).Text),
            e => Assert.Equal("is 42.", Assert.IsType<InvocationTextDelta>(e).Text),
            e =>
            {
                var response = Assert.IsType<InvocationCompleted>(e).Response;
                Assert.Equal("Your balance is 42.", response.Text);
                Assert.Equal("bank___balance", Assert.Single(response.ToolCalls).Name);
            });
    }

    [Fact]
    public async Task InvokeStreamingAsync_ErrorEvent_IsTheLastEventAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueSse(
            ("message", """{"text":"Let me "}"""),
            ("error", """{"error":"The model call failed.","error_type":"ModelError","message":"An error occurred during streaming"}"""),
            ("message", """{"text":"ignored"}"""));
        using var client = new Clients().Create(server.ArnTarget());

        var events = await CollectAsync(client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(2, events.Count);
        var failed = Assert.IsType<InvocationFailed>(events[1]);
        Assert.Equal("The model call failed.", failed.Error.Error);
        Assert.Equal(RuntimeErrorTypes.ModelError, failed.Error.ErrorType);
    }

    [Fact]
    public async Task InvokeStreamingAsync_SdkStyleUnnamedEvents_AreTextAndErrorAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueSse((null, "\"Hello \""), (null, """{"text":"world"}"""), (null, "plain words"), (null, """{"error":"boom","error_type":"ValueError"}"""));
        using var client = new Clients().Create(server.ArnTarget());

        var events = await CollectAsync(client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(["Hello ", "world", "plain words"], events.OfType<InvocationTextDelta>().Select(e => e.Text));
        Assert.Equal(("boom", "ValueError"), (Assert.IsType<InvocationFailed>(events[^1]).Error.Error, Assert.IsType<InvocationFailed>(events[^1]).Error.ErrorType));
    }

    [Fact]
    public async Task InvokeStreamingAsync_StreamEndsWithoutDone_ThrowsInvalidResponseAfterTheEventsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueSse(("message", """{"text":"partial"}"""));
        using var client = new Clients().Create(server.ArnTarget());
        var seen = new List<InvocationEvent>();

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(async () =>
        {
            await foreach (var item in client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(AgentRuntimeErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("partial", Assert.IsType<InvocationTextDelta>(Assert.Single(seen)).Text);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeStreamingAsync_JsonAnswer_IsOneCompletedEventAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer("Not streamed.");
        using var client = new Clients().Create(server.ArnTarget());

        var events = await CollectAsync(client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal("Not streamed.", Assert.IsType<InvocationCompleted>(Assert.Single(events)).Response.Text);
    }

    [Fact]
    public async Task InvokeStreamingAsync_ThrottledBeforeTheStream_RetriesWithTheSameTurnIdAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(429, "ThrottlingException");
        server.EnqueueSse(("message", """{"text":"ok"}"""), ("done", Done));
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());

        var events = await CollectAsync(client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.IsType<InvocationCompleted>(events[^1]);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].TurnId, server.Requests[1].TurnId);
        Assert.Single(clients.Delays);
    }

    [Fact]
    public async Task InvokeStreamingAsync_ValidationError_ThrowsBeforeAnyEventAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(400, "ValidationException", "runtimeSessionId is too short");
        using var client = new Clients().Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => CollectAsync(client.InvokeStreamingAsync(Clients.Request(), TestContext.Current.CancellationToken)));

        Assert.Equal(AgentRuntimeErrorKind.Validation, error.Kind);
        Assert.Equal("runtimeSessionId is too short", error.Message);
    }

    private static async Task<List<InvocationEvent>> CollectAsync(IAsyncEnumerable<InvocationEvent> events)
    {
        var list = new List<InvocationEvent>();
        await foreach (var item in events)
        {
            list.Add(item);
        }

        return list;
    }
}
