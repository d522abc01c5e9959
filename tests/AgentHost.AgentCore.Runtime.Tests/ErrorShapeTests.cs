using System.Net;
using System.Text;
using AgentHost.Abstractions.Conversations;
using AgentHost.Testing.Models;

namespace AgentHost.AgentCore.Runtime.Tests;

public sealed class ErrorShapeTests
{
    [Theory]
    [InlineData("{not json", "Invalid JSON")]
    [InlineData("", "Invalid JSON")]
    [InlineData("[1,2]", "Invalid JSON")]
    [InlineData("""{"prompt": 42}""", "Invalid JSON")]
    [InlineData("""{"text":"hello"}""", "Missing prompt")]
    [InlineData("""{"prompt":"   "}""", "Missing prompt")]
    [InlineData("""{"prompt":"hi","timeoutMs":0}""", "Invalid timeoutMs")]
    [InlineData("""{"prompt":"hi","timeoutMs":9223372036854775807}""", "Invalid timeoutMs")]
    [InlineData("""{"prompt":"hi"} trailing""", "Invalid JSON")]
    [InlineData("""{"prompt":"hi"}{"prompt":"again"}""", "Invalid JSON")]
    public async Task Invoke_BadBody_Returns400WithErrorAndDetailsAsync(string body, string error)
    {
        await using var host = await RuntimeTestHost.StartAsync();

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await InvocationTests.ReadJsonAsync(response);
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("details").GetString()));
        Assert.Empty(host.Model.Calls);
    }

    [Theory]
    [InlineData("{oops", false, 0)]
    [InlineData("{oops", true, 0)]
    [InlineData("{oops", false, 100_000)]
    public async Task Invoke_BadBodyReadWholeOrStreamed_Returns400AlikeAsync(string body, bool chunked, int padding)
    {
        // Small bodies with a Content-Length are read in one piece; chunked and large ones are streamed: same answer.
        await using var host = await RuntimeTestHost.StartAsync();
        var request = RuntimeTestHost.Invocation(new string(' ', padding) + body);
        if (chunked)
        {
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid JSON", (await InvocationTests.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Invoke_NoSessionIdAnywhere_Returns400NamingTheHeaderAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}""", sessionId: null), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Missing sessionId", (await InvocationTests.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_SessionIdTooLong_Returns400Async()
    {
        await using var host = await RuntimeTestHost.StartAsync();

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}""", sessionId: new string('s', 257)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invoke_BodyOverTheLimit_Returns413Async(bool chunked)
    {
        await using var host = await RuntimeTestHost.StartAsync(configure: o => o.MaxRequestBodyBytes = 1024);
        var body = "{\"prompt\":\"" + new string('x', 4096) + "\"}";
        var request = RuntimeTestHost.Invocation(body);
        if (chunked)
        {
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Payload too large", (await InvocationTests.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Invoke_ModelFails_Returns500WithTheMessageAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenThrow(new HttpRequestException("bedrock refused the connection"));

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("bedrock refused the connection", (await InvocationTests.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Invoke_StoreFails_Returns500WithTheMessageNeverEmptyAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync(decorateStore: inner => new FailingStore(inner, new IOException("disk full")));
        host.Model.ThenText("ok");

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("disk full", (await InvocationTests.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Invoke_AnotherWriterStoredFirst_Returns409ConflictAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync(decorateStore: inner => new FailingStore(inner, new ConversationConflictException(RuntimeTestHost.SessionId, 1)));
        host.Model.ThenText("ok");

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var json = await InvocationTests.ReadJsonAsync(response);
        Assert.Equal("ConversationConflict", json.GetProperty("error_type").GetString());
        Assert.Contains("Reload the conversation and retry", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AnotherWriterStoredFirstWhileStreaming_EndsWithConflictErrorEventAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync(decorateStore: inner => new FailingStore(inner, new ConversationConflictException(RuntimeTestHost.SessionId, 1)));
        host.Model.ThenText("streamed words");

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}""", accept: "text/event-stream"), TestContext.Current.CancellationToken);

        var events = StreamingTests.ParseSse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("error", events[^1].Event);
        Assert.Equal("ConversationConflict", events[^1].Data.GetProperty("error_type").GetString());
    }

    private sealed class FailingStore(IConversationStore inner, Exception failure) : IConversationStore
    {
        public Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default) => inner.LoadAsync(sessionId, maxTurns, cancellationToken);

        public Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default) => inner.FindTurnAsync(sessionId, turnId, cancellationToken);

        public Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default) => Task.FromException<AppendTurnResult>(failure);

        public IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default) => inner.ReadTurnsAsync(sessionId, fromSequence, cancellationToken);

        public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(SessionListQuery query, CancellationToken cancellationToken = default) => inner.ListSessionsAsync(query, cancellationToken);

        public Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default) => inner.UpdateMetadataAsync(sessionId, metadata, cancellationToken);

        public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default) => inner.DeleteSessionAsync(sessionId, cancellationToken);
    }
}
