using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentHost.Gateway.Connections;
using AgentHost.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;

namespace AgentHost.Gateway.Tests.Sessions;

/// <summary>
/// The client session against scripted HTTP answers: the handshake's wire shape, revision negotiation, the event stream and
/// closing (the cases a real server rarely produces on demand; the catalog and call tests run the same code against real servers).
/// </summary>
public sealed class StreamableHttpSessionTests
{
    private static readonly Uri Endpoint = new("http://gateway.test/mcp");
    private int _listChanges;

    private static string InitializeReply(string id, string version = "2025-06-18") =>
        "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":{\"protocolVersion\":\"" + version
        + "\",\"capabilities\":{\"tools\":{\"listChanged\":true}},\"serverInfo\":{\"name\":\"gw\",\"version\":\"1\"}}}";

    private Task<StreamableHttpSession> OpenAsync(ScriptedServer server, string? requestedVersion = "2025-06-18") =>
        StreamableHttpSession.OpenAsync(new HttpClient(server), Endpoint, "main", requestedVersion, () => Interlocked.Increment(ref _listChanges), NullLogger.Instance, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Open_SendsInitializeWithoutSessionHeadersThenInitializedWithThemAsync()
    {
        var server = ScriptedServer.Gateway("s-1");

        await using var session = await OpenAsync(server);

        Assert.Equal("s-1", session.SessionId);
        Assert.Equal("2025-06-18", session.ProtocolVersion);
        Assert.Equal("gw", session.Server.ServerInfo.Name);
        var initialize = server.Requests[0];
        Assert.False(initialize.Headers.ContainsKey("Mcp-Session-Id"));
        Assert.False(initialize.Headers.ContainsKey("MCP-Protocol-Version"));
        using (var body = JsonDocument.Parse(initialize.Body))
        {
            var parameters = body.RootElement.GetProperty("params");
            Assert.Equal("2025-06-18", parameters.GetProperty("protocolVersion").GetString());
            Assert.Equal("AgentHost", parameters.GetProperty("clientInfo").GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Object, parameters.GetProperty("capabilities").ValueKind);
        }

        var initialized = server.Requests[1];
        Assert.Equal("notifications/initialized", initialized.JsonRpcMethod);
        Assert.Null(initialized.Id);
        Assert.Equal("s-1", initialized.Headers["Mcp-Session-Id"]);
        Assert.Equal("2025-06-18", initialized.Headers["MCP-Protocol-Version"]);
        Assert.Equal(2, server.Requests.Count); // the event stream waits for StartEventStream
    }

    [Fact]
    public async Task Open_InitializeAnsweredOnAnEventStream_ReadsTheReplyAsync()
    {
        var server = new ScriptedServer(request => request.JsonRpcMethod == "initialize"
            ? ScriptedServer.Sse($"id: 1\ndata: \n\ndata: {InitializeReply(request.Id!)}\n\n", sessionId: "s-2")
            : new HttpResponseMessage(HttpStatusCode.Accepted));

        await using var session = await OpenAsync(server);

        Assert.Equal("s-2", session.SessionId);
    }

    [Theory]
    [InlineData("2025-06-18", "2025-03-26")] // a revision was requested: the answer must be that one
    [InlineData(null, "2099-01-01")] // none requested: the answer must be a revision this client speaks
    public async Task Open_NegotiatedRevisionNotAccepted_FailsClearlyAndClosesNothingOpenAsync(string? requested, string answered)
    {
        var server = new ScriptedServer(request => request.JsonRpcMethod == "initialize"
            ? ScriptedServer.Json(InitializeReply(request.Id!, answered), sessionId: "s-3")
            : new HttpResponseMessage(HttpStatusCode.Accepted));

        var error = await Assert.ThrowsAsync<McpException>(() => OpenAsync(server, requested));

        Assert.Contains($"'{answered}'", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Open_WithoutARequestedRevision_AsksForTheLatestAsync()
    {
        var server = new ScriptedServer(request => request.JsonRpcMethod == "initialize"
            ? ScriptedServer.Json(InitializeReply(request.Id!, "2025-03-26"))
            : new HttpResponseMessage(HttpStatusCode.Accepted));

        await using var session = await OpenAsync(server, requestedVersion: null);

        using var body = JsonDocument.Parse(server.Requests[0].Body);
        Assert.Equal(StreamableHttpSession.LatestRevision, body.RootElement.GetProperty("params").GetProperty("protocolVersion").GetString());
        Assert.Equal("2025-03-26", session.ProtocolVersion);
        Assert.Null(session.SessionId);
    }

    [Fact]
    public async Task Open_InitializedRejected_ThrowsWithTheStatusAndDeletesTheSessionAsync()
    {
        var server = new ScriptedServer(request => request.JsonRpcMethod == "initialize"
            ? ScriptedServer.Json(InitializeReply(request.Id!), sessionId: "s-4")
            : new HttpResponseMessage(request.Method == HttpMethod.Delete ? HttpStatusCode.OK : HttpStatusCode.Unauthorized));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => OpenAsync(server));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        var delete = server.Requests[^1];
        Assert.Equal(HttpMethod.Delete, delete.Method);
        Assert.Equal("s-4", delete.Headers["Mcp-Session-Id"]);
    }

    [Fact]
    public async Task ListTools_SendsTheCursorAndReadsThePageAsync()
    {
        var server = ScriptedServer.Gateway("s-5", request => request.JsonRpcMethod == "tools/list"
            ? ScriptedServer.Json($$$"""{"jsonrpc":"2.0","id":"{{{request.Id}}}","result":{"tools":[{"name":"orders___get","description":"Gets an order.","inputSchema":{"type":"object"}}],"nextCursor":"p3"}}""")
            : null);
        await using var session = await OpenAsync(server);

        var page = await session.ListToolsAsync("p2", TestContext.Current.CancellationToken);

        Assert.Equal("orders___get", Assert.Single(page.Tools).Name);
        Assert.Equal("p3", page.NextCursor);
        using var body = JsonDocument.Parse(server.Requests[2].Body);
        Assert.Equal("p2", body.RootElement.GetProperty("params").GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task EventStream_PassesOnListChangesAndAnswersPingsAsync()
    {
        var server = ScriptedServer.Gateway("s-6", request => request.Method == HttpMethod.Get
            ? ScriptedServer.Sse("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}\n\ndata: not json\n\n", keepOpen: true)
            : null);
        await using var session = await OpenAsync(server);

        session.StartEventStream();
        session.StartEventStream(); // idempotent

        await Poll.UntilAsync(() => Volatile.Read(ref _listChanges) == 1, "the list change from the event stream");
        await Poll.UntilAsync(() => server.Requests.Any(r => r.Body.Contains("\"result\"", StringComparison.Ordinal)), "the answer to the server's ping");
        var get = Assert.Single(server.Requests, r => r.Method == HttpMethod.Get);
        Assert.Equal("text/event-stream", get.Headers["Accept"]);
        Assert.Equal("s-6", get.Headers["Mcp-Session-Id"]);
        using var answer = JsonDocument.Parse(server.Requests.Single(r => r.Body.Contains("\"result\"", StringComparison.Ordinal)).Body);
        Assert.Equal(9, answer.RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task EventStream_NotOffered_IsNotRetriedAsync()
    {
        var server = ScriptedServer.Gateway("s-7", request => request.Method == HttpMethod.Get ? new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) : null);
        await using var session = await OpenAsync(server);

        session.StartEventStream();
        await Poll.UntilAsync(() => server.Requests.Any(r => r.Method == HttpMethod.Get), "the GET");
        await Task.Delay(1500, TestContext.Current.CancellationToken); // past the one-second reconnection delay

        Assert.Single(server.Requests, r => r.Method == HttpMethod.Get);
    }

    [Fact]
    public async Task Dispose_StopsTheEventStreamAndDeletesTheSessionAsync()
    {
        var server = ScriptedServer.Gateway("s-8", request => request.Method == HttpMethod.Get ? ScriptedServer.Sse("", keepOpen: true) : null);
        var session = await OpenAsync(server);
        session.StartEventStream();
        await Poll.UntilAsync(() => server.Requests.Any(r => r.Method == HttpMethod.Get), "the GET");

        await session.DisposeAsync();

        var delete = server.Requests[^1];
        Assert.Equal(HttpMethod.Delete, delete.Method);
        Assert.Equal("s-8", delete.Headers["Mcp-Session-Id"]);
        Assert.Equal("2025-06-18", delete.Headers["MCP-Protocol-Version"]);
    }

    /// <summary>Answers each request with a scripted response and records it (method, headers, body, JSON-RPC method and id).</summary>
    private sealed class ScriptedServer(Func<RecordedRequest, HttpResponseMessage> answer) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();

        public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

        /// <summary>
        /// A gateway that answers <paramref name="answer"/> first (when it returns a response), then <c>initialize</c> with
        /// revision 2025-06-18 and <paramref name="sessionId"/>, and anything else with 202 Accepted.
        /// </summary>
        public static ScriptedServer Gateway(string sessionId, Func<RecordedRequest, HttpResponseMessage?>? answer = null) =>
            new(request => answer?.Invoke(request)
                ?? (request.Method == HttpMethod.Post && request.JsonRpcMethod == "initialize"
                    ? Json(InitializeReply(request.Id!), sessionId)
                    : new HttpResponseMessage(HttpStatusCode.Accepted)));

        public static HttpResponseMessage Json(string body, string? sessionId = null) =>
            WithSession(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, sessionId);

        /// <summary>An SSE answer; <paramref name="keepOpen"/> keeps the stream open after the events until the request is cancelled.</summary>
        public static HttpResponseMessage Sse(string events, string? sessionId = null, bool keepOpen = false)
        {
            HttpContent content = keepOpen ? new OpenStreamContent(Encoding.UTF8.GetBytes(events)) : new StringContent(events, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return WithSession(new HttpResponseMessage(HttpStatusCode.OK) { Content = content }, sessionId);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = string.Join(", ", values);
            }

            string? method = null;
            string? id = null;
            if (body.Length > 0 && body[0] == '{')
            {
                using var document = JsonDocument.Parse(body);
                method = document.RootElement.TryGetProperty("method", out var m) ? m.GetString() : null;
                id = document.RootElement.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            }

            var recorded = new RecordedRequest(request.Method, headers, body, method, id);
            _requests.Enqueue(recorded);
            var response = answer(recorded);
            if (response.Content is OpenStreamContent open)
            {
                open.Cancellation = cancellationToken;
            }

            return response;
        }

        private static HttpResponseMessage WithSession(HttpResponseMessage response, string? sessionId)
        {
            if (sessionId is not null)
            {
                response.Headers.Add("Mcp-Session-Id", sessionId);
            }

            return response;
        }
    }

    /// <summary>Content whose stream yields the given bytes and then blocks until the request is cancelled (an open SSE stream).</summary>
    private sealed class OpenStreamContent(byte[] events) : HttpContent
    {
        public CancellationToken Cancellation { get; set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) => await stream.WriteAsync(events);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new OpenStream(events, Cancellation));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class OpenStream(byte[] events, CancellationToken cancellation) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < events.Length)
            {
                var count = Math.Min(buffer.Length, events.Length - _position);
                events.AsMemory(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, cancellationToken);
            await Task.Delay(Timeout.Infinite, linked.Token);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed record RecordedRequest(HttpMethod Method, IReadOnlyDictionary<string, string> Headers, string Body, string? JsonRpcMethod, string? Id);
}
