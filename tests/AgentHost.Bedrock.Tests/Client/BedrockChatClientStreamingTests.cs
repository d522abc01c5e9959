using AgentHost.Testing;
using System.Text.Json;
using AgentHost.Bedrock.Errors;
using AgentHost.Bedrock.EventStream;
using AgentHost.Bedrock.Mapping;
using AgentHost.Bedrock.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Tests.Client;

public sealed class BedrockChatClientStreamingTests
{
    [Fact]
    public async Task GetStreamingResponseAsync_TextThenToolUseFixture_StreamsTextDeltasThenOneAssembledToolCallAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(File.ReadAllBytes(RepositoryPaths.Fixture("bedrock", "eventstream", "converse-stream-text-then-tooluse.bin")));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Where is my order A-1001?", cancellationToken: TestContext.Current.CancellationToken));

        var request = Assert.Single(server.Requests);
        Assert.True(request.SignatureValid, request.SignatureProblem);
        Assert.Equal("/model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream", request.RawTarget);
        Assert.Equal("application/vnd.amazon.eventstream", request.Headers["accept"]);

        var texts = updates.SelectMany(u => u.Contents).OfType<TextContent>().Select(t => t.Text).ToList();
        Assert.Equal(["Let me check", " that order."], texts);
        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("tooluse_Xy12AbCdEfGh", call.CallId);
        Assert.Equal("get_order_status", call.Name);
        Assert.Equal("A-1001", ((JsonElement)call.Arguments!["order_id"]!).GetString());
        Assert.Null(call.Exception);

        var response = updates.ToChatResponse();
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(412, response.Usage!.InputTokenCount);
        Assert.Equal(58, response.Usage.OutputTokenCount);
        Assert.Equal(470, response.Usage.TotalTokenCount);
        Assert.Contains(updates, u => u.AdditionalProperties?[BedrockStopReasons.AdditionalPropertyKey] as string == "tool_use");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_MidStreamThrottlingAfterText_ThrowsThrottlingExceptionWithoutRetryAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(File.ReadAllBytes(RepositoryPaths.Fixture("bedrock", "eventstream", "converse-stream-midstream-throttling.bin")));
        server.EnqueueEventStream(EventStreamBodies.TextAnswer("should not be requested"));
        using var client = ClientFactory.Create(server);
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BedrockThrottlingException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal("Too many requests, please wait before trying again.", ex.Message);
        Assert.Equal("throttlingException", ex.ErrorType);
        Assert.Equal(["Hel"], received);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ThrottlingFrameBeforeAnyContent_RetriesTheRequestAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.Concat(EventStreamBodies.MessageStart(), EventStreamEncoder.EncodeException("throttlingException", "Too many requests, please wait before trying again.")));
        server.EnqueueEventStream(EventStreamBodies.TextAnswer("Hello after retry"));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Hello after retry", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_429ThenSuccess_RetriesAndStreamsTheAnswerAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        server.EnqueueEventStream(EventStreamBodies.TextAnswer("Hello", input: 7, output: 2));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Hello", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(9, updates.ToChatResponse().Usage!.TotalTokenCount);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_400Validation_ThrowsValidationExceptionBeforeAnyUpdateAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(400, "ValidationException", "A conversation must start with a user message.");
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockValidationException>(() => CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("A conversation must start with a user message.", ex.Message);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_403AccessDenied_ThrowsAccessDeniedAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(403, "AccessDeniedException", "User is not authorized to perform: bedrock:InvokeModelWithResponseStream");
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockAccessDeniedException>(() => CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Contains("bedrock:InvokeModelWithResponseStream", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ModelStreamErrorFrame_ThrowsTypedBedrockExceptionAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.Concat(EventStreamBodies.MessageStart(), EventStreamBodies.TextDelta(0, "Hi"), EventStreamEncoder.EncodeException("modelStreamErrorException", "The model failed.")));
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockException>(() => CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("modelStreamErrorException", ex.ErrorType);
        Assert.Equal("The model failed.", ex.Message);
        Assert.Equal(System.Net.HttpStatusCode.FailedDependency, ex.StatusCode);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ContextWindowExceededStopReason_ThrowsModelContextOverflowExceptionAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.Concat(EventStreamBodies.MessageStart(), EventStreamBodies.MessageStop("model_context_window_exceeded")));
        using var client = ClientFactory.Create(server);

        await Assert.ThrowsAsync<BedrockContextWindowExceededException>(() => CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_BodyEndsInsideAFrame_ThrowsEventStreamFormatExceptionAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        var body = EventStreamBodies.TextAnswer("Hello");
        server.EnqueueEventStream(body[..^5]);
        using var client = ClientFactory.Create(server);

        await Assert.ThrowsAsync<EventStreamFormatException>(() => CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolInputThatIsNotJson_ReturnsCallWithParseExceptionAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.Concat(EventStreamBodies.MessageStart(), EventStreamBodies.ToolStart(0, "t1", "lookup"), EventStreamBodies.ToolDelta(0, "{\"a\":"), EventStreamBodies.BlockStop(0), EventStreamBodies.MessageStop("tool_use")));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("lookup", call.Name);
        Assert.IsAssignableFrom<JsonException>(call.Exception);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_UnknownEventsAndKeys_AreSkippedAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.Concat(
            EventStreamBodies.MessageStart(),
            EventStreamEncoder.EncodeEvent("somethingNew", """{"x":1}"""),
            EventStreamEncoder.EncodeEvent("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"ok","future":{"y":2}},"p":"pad"}"""),
            EventStreamBodies.MessageStop("end_turn")));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("ok", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates.ToChatResponse().FinishReason);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ConnectionDropsBeforeAnyContent_RetriesTheRequestAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.Enqueue(async ctx =>
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/vnd.amazon.eventstream";
            await ctx.Response.Body.WriteAsync(EventStreamBodies.MessageStart());
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        });
        server.EnqueueEventStream(EventStreamBodies.TextAnswer("Hello again"));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Hello again", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamEndsAfterTextWithoutMessageStop_ThrowsIncompleteStreamWithoutRetryAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.Concat(EventStreamBodies.MessageStart(), EventStreamBodies.TextDelta(0, "Partial")));
        server.EnqueueEventStream(EventStreamBodies.TextAnswer("should not be requested"));
        using var client = ClientFactory.Create(server);
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BedrockException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal("IncompleteStream", ex.ErrorType);
        Assert.Equal(["Partial"], received);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamEndsBeforeAnyContent_RetriesTheRequestAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(EventStreamBodies.MessageStart());
        server.EnqueueEventStream(EventStreamBodies.TextAnswer("Complete"));
        using var client = ClientFactory.Create(server);

        var updates = await CollectAsync(client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Complete", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(2, server.Requests.Count);
    }

    internal static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }
}
