using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentHost.Gateway.Connections;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tests.Calls;

/// <summary>
/// The direct tools/call against scripted HTTP answers: the cases a real server rarely produces on demand (priming events,
/// a stream that ends before the reply, batches, server requests, error bodies).
/// </summary>
public sealed class StreamableHttpToolCallTests
{
    private static readonly Uri Endpoint = new("http://gateway.test/mcp");
    private readonly List<string> _cancelled = [];
    private int _listChanges;

    private SessionContext Session => new("session-1", "2025-06-18", () => _listChanges++, _cancelled.Add);

    private static Dictionary<string, JsonElement> Arguments => new() { ["orderId"] = JsonDocument.Parse("\"O-42\"").RootElement };

    private static string Reply(string id, string text = "Parcel delivered.") =>
        $$$"""{"jsonrpc":"2.0","id":"{{{id}}}","result":{"content":[{"type":"text","text":"{{{text}}}"}]}}""";

    private Task<CallToolResult> CallAsync(ScriptedHandler handler) => CallUntilAsync(handler, TestContext.Current.CancellationToken);

    private async Task<CallToolResult> CallUntilAsync(ScriptedHandler handler, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(handler);
        return await StreamableHttpToolCall.SendAsync(http, Endpoint, Session, "orders___get_order", Arguments, cancellationToken);
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    [Fact]
    public async Task Call_SendsOnePostWithTheSessionHeadersAndAnIdOfItsOwnAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Json(Reply(id)));

        var result = await CallAsync(handler);

        Assert.Equal("Parcel delivered.", Text(result));
        var post = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, post.Method);
        Assert.Equal("session-1", post.Headers["Mcp-Session-Id"]);
        Assert.Equal("2025-06-18", post.Headers["MCP-Protocol-Version"]);
        Assert.Equal("application/json, text/event-stream", post.Headers["Accept"]);
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal("tools/call", body.RootElement.GetProperty("method").GetString());
        Assert.StartsWith("agenthost-", body.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("orders___get_order", body.RootElement.GetProperty("params").GetProperty("name").GetString());
        Assert.Equal("O-42", body.RootElement.GetProperty("params").GetProperty("arguments").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Call_SseWithAPrimingEventAndOtherMessagesBeforeTheReply_ReturnsTheReplyAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Sse(
            "id: 1\ndata: \n\n" +
            "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1,\"progress\":1}}\n\n" +
            "data: {not json}\n\n" +
            "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n" +
            $"id: 2\ndata: {Reply(id)}\n\n"));

        var result = await CallAsync(handler);

        Assert.Equal("Parcel delivered.", Text(result));
        Assert.Equal(1, _listChanges);
    }

    [Fact]
    public async Task Call_SseBatchWithANotificationAndTheReply_ReturnsTheReplyAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Sse(
            $"data: [{{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}},{Reply(id)}]\n\n"));

        var result = await CallAsync(handler);

        Assert.Equal("Parcel delivered.", Text(result));
        Assert.Equal(1, _listChanges);
    }

    [Fact]
    public async Task Call_StreamEndingBeforeTheReplyAfterAnEventId_IsResumedWithLastEventIdAsync()
    {
        var handler = new ScriptedHandler((request, id) => request.Method == HttpMethod.Post
            ? ScriptedHandler.Sse("id: ev-7\nretry: 10\ndata: \n\n")
            : ScriptedHandler.Sse($"id: ev-8\ndata: {Reply(id, "Resumed.")}\n\n"));

        var result = await CallAsync(handler);

        Assert.Equal("Resumed.", Text(result));
        Assert.Equal(2, handler.Requests.Count);
        var get = handler.Requests[1];
        Assert.Equal(HttpMethod.Get, get.Method);
        Assert.Equal("ev-7", get.Headers["Last-Event-ID"]);
        Assert.Equal("session-1", get.Headers["Mcp-Session-Id"]);
        Assert.Equal("text/event-stream", get.Headers["Accept"]);
    }

    [Fact]
    public async Task Call_StreamEndingBeforeTheReplyWithoutEventIds_FailsAsNoReplyAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Sse("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}\n\n"));

        var error = await Assert.ThrowsAsync<McpException>(() => CallAsync(handler));

        Assert.Contains("ended without a reply", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Call_StreamThatNeverReplies_IsResumedAtMostThreeTimesAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Sse("id: again\nretry: 1\ndata: \n\n"));

        await Assert.ThrowsAsync<McpException>(() => CallAsync(handler));

        Assert.Equal(1 + StreamableHttpRequest.MaxResumptions, handler.Requests.Count);
    }

    [Fact]
    public async Task Call_ServerPingOnTheStream_IsAnsweredAndTheCallCompletesAsync()
    {
        var handler = new ScriptedHandler((request, id) => request.Body.Contains("tools/call", StringComparison.Ordinal)
            ? ScriptedHandler.Sse($"data: {{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}}\n\ndata: {{\"jsonrpc\":\"2.0\",\"id\":{{\"odd\":1}},\"method\":\"sampling/createMessage\"}}\n\ndata: {Reply(id)}\n\n")
            : new HttpResponseMessage(HttpStatusCode.Accepted));

        await CallAsync(handler);

        await Support.Poll.UntilAsync(() => handler.Requests.Count == 3, "the answers to the server's two requests");
        var answers = handler.Requests.Skip(1).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var ping = Assert.Single(answers, a => a.GetProperty("id").ValueKind == JsonValueKind.Number);
        Assert.Equal(5, ping.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Object, ping.GetProperty("result").ValueKind);
        var other = Assert.Single(answers, a => a.GetProperty("id").ValueKind == JsonValueKind.Object);
        Assert.Equal(1, other.GetProperty("id").GetProperty("odd").GetInt32());
        Assert.Equal((int)McpErrorCode.MethodNotFound, other.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Call_JsonRpcErrorReply_ThrowsTheProtocolExceptionWithTheGatewayMessageAndCodeAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Json($$$"""{"jsonrpc":"2.0","id":"{{{id}}}","error":{"code":-32602,"message":"Unknown tool: refund"}}"""));

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CallAsync(handler));

        Assert.Equal("Request failed (remote): Unknown tool: refund", error.Message);
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }

    [Fact]
    public async Task Call_BadRequestWithAJsonRpcError_ThrowsTheProtocolExceptionAsync()
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Json("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Bad session header"}}""", HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CallAsync(handler));

        Assert.Equal("Request failed (remote): Bad session header", error.Message);
        Assert.Equal(McpErrorCode.InvalidRequest, error.ErrorCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Call_OtherFailureStatus_ThrowsAnHttpRequestExceptionWithTheStatusAsync(HttpStatusCode status)
    {
        var handler = new ScriptedHandler((request, id) => new HttpResponseMessage(status) { Content = new StringContent("nope") });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync(handler));

        Assert.Equal(status, error.StatusCode);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":")]
    [InlineData("")]
    [InlineData("\"agenthost\"")]
    public async Task Call_MalformedJsonAnswer_ThrowsAnMcpExceptionAsync(string body)
    {
        var handler = new ScriptedHandler((request, id) => ScriptedHandler.Json(body));

        var error = await Assert.ThrowsAsync<McpException>(() => CallAsync(handler));

        Assert.Contains("not valid JSON-RPC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AcceptedWithoutAReply_ThrowsAnMcpExceptionNamingTheContentTypeAsync()
    {
        var handler = new ScriptedHandler((request, id) => new HttpResponseMessage(HttpStatusCode.Accepted));

        var error = await Assert.ThrowsAsync<McpException>(() => CallAsync(handler));

        Assert.Contains("HTTP 202", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_Cancelled_ReportsTheRequestIdForTheCancelledNotificationAsync()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new ScriptedHandler((request, id) =>
        {
            cancel.Cancel();
            throw new TaskCanceledException("cancelled while waiting for the answer");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CallUntilAsync(handler, cancel.Token));

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal(body.RootElement.GetProperty("id").GetString(), Assert.Single(_cancelled));
    }

    /// <summary>Answers each request with a scripted response (given the request and the tools/call id) and records them.</summary>
    private sealed class ScriptedHandler(Func<RecordedRequest, string, HttpResponseMessage> answer) : HttpMessageHandler
    {
        private string _callId = "";

        public List<RecordedRequest> Requests { get; } = [];

        public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        public static HttpResponseMessage Sse(string events) =>
            new(HttpStatusCode.OK) { Content = new StringContent(events, Encoding.UTF8, "text/event-stream") };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var headers = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = string.Join(", ", values);
            }

            var recorded = new RecordedRequest(request.Method, headers, body);
            lock (Requests)
            {
                Requests.Add(recorded);
            }

            if (body.Contains("\"tools/call\"", StringComparison.Ordinal))
            {
                _callId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }

            return answer(recorded, _callId);
        }
    }

    private sealed record RecordedRequest(HttpMethod Method, IReadOnlyDictionary<string, string> Headers, string Body);
}
