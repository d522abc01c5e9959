using System.Buffers;
using System.Collections.Frozen;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One MCP <c>tools/call</c> as a single Streamable HTTP POST on a session that the SDK's <c>McpClient</c> initialised, with
/// the answer (a JSON body or an SSE stream) read in the caller's own flow.
/// </summary>
/// <remarks>
/// <para>
/// Why not the SDK's <c>CallToolAsync</c>: the SDK routes every answer through its session's message channel and a
/// pending-request completion, two thread-pool hops plus a JSON-RPC envelope round trip per call. On the peer benchmark
/// that machinery was ~15% of the host's CPU per invocation; this path does the same protocol exchange without it.
/// Initialisation, listing, the standalone GET stream and closing stay with the SDK.
/// </para>
/// <para>
/// Wire behaviour, as the SDK's for the revisions in <see cref="SupportedRevisions"/>: <c>Accept: application/json,
/// text/event-stream</c>, the <c>Mcp-Session-Id</c> and <c>MCP-Protocol-Version</c> headers, request ids of their own
/// (<c>agenthost-N</c>, strings; the SDK numbers its requests). The answer: a JSON-RPC error in the reply or in a 400 body
/// becomes <see cref="McpProtocolException"/> ("Request failed (remote): …", with the code); another non-success status an
/// <see cref="HttpRequestException"/> carrying it (401 and 404 are then handled by <see cref="GatewayConnection"/>); a
/// malformed JSON body, an answer without the reply or an unexpected content type an <see cref="McpException"/>. On an SSE
/// answer, events without data (stream priming) and malformed messages are skipped, a batch is read element by element,
/// <c>notifications/tools/list_changed</c> is passed on, a server request is answered (<c>ping</c> with an empty result,
/// anything else with "method not found": the client declares no capability that invites requests), and a stream that
/// ends before the reply after giving event ids is resumed with a GET carrying <c>Last-Event-ID</c> (at most
/// <see cref="MaxResumptions"/> times, after the server's <c>retry</c> interval or one second). A cancelled call is
/// announced with <c>notifications/cancelled</c>.
/// </para>
/// </remarks>
internal static class StreamableHttpToolCall
{
    /// <summary>The protocol revisions whose <c>tools/call</c> this class sends; others go through the SDK.</summary>
    public static readonly FrozenSet<string> SupportedRevisions = FrozenSet.Create(StringComparer.Ordinal, "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    /// <summary>How many times a stream that ended before the reply is resumed.</summary>
    public const int MaxResumptions = 3;

    private const string JsonMediaType = "application/json";
    private const string EventStreamMediaType = "text/event-stream";
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new(JsonMediaType);
    private static readonly MediaTypeWithQualityHeaderValue AcceptEventStream = new(EventStreamMediaType);
    private static readonly MediaTypeHeaderValue JsonContentType = new(JsonMediaType);
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(1);
    private static long s_lastId;

    /// <summary>Calls <paramref name="name"/> with <paramref name="arguments"/> on an initialised session.</summary>
    /// <param name="http">The gateway's HTTP client (its handlers authenticate and observe 401/404).</param>
    /// <param name="endpoint">The gateway's MCP endpoint.</param>
    /// <param name="session">The session's id, negotiated revision (one of <see cref="SupportedRevisions"/>) and callbacks.</param>
    /// <param name="name">The tool's name on the gateway.</param>
    /// <param name="arguments">The arguments, written as they are.</param>
    /// <param name="cancellationToken">Cancels the call; the session's <see cref="ToolCallSession.OnCancelled"/> is then called.</param>
    public static async Task<CallToolResult> SendAsync(
        HttpClient http,
        Uri endpoint,
        ToolCallSession session,
        string name,
        IReadOnlyDictionary<string, JsonElement> arguments,
        CancellationToken cancellationToken)
    {
        // String ids in a namespace of their own: the SDK numbers its requests on the same session.
        var id = "agenthost-" + Interlocked.Increment(ref s_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var call = new Call(http, endpoint, session, id);
        try
        {
            using var request = call.CreateRequest(HttpMethod.Post, CreateBody(id, name, arguments));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return await call.ReadAnswerAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing the connection does not cancel a Streamable HTTP request; the notification does.
            session.OnCancelled(id);
            throw;
        }
    }

    private static ReadOnlyMemoryContent CreateBody(string id, string name, IReadOnlyDictionary<string, JsonElement> arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WriteString("id"u8, id);
            writer.WriteString("method"u8, RequestMethods.ToolsCall);
            writer.WriteStartObject("params"u8);
            writer.WriteString("name"u8, name);
            writer.WriteStartObject("arguments"u8);
            foreach (var (key, value) in arguments)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return JsonBody(buffer.WrittenMemory);
    }

    private static ReadOnlyMemoryContent JsonBody(ReadOnlyMemory<byte> json)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    private static McpException NoReply() => new("The gateway's answer to tools/call ended without a reply to the request.");

    /// <summary>One call in flight: reads its answer, resumes its stream, answers server requests on it.</summary>
    private sealed class Call(HttpClient http, Uri endpoint, ToolCallSession session, string id)
    {
        /// <summary>
        /// A request on the session: a POST (a message) accepts a JSON or an SSE answer, a GET (resuming a stream) only SSE.
        /// </summary>
        public HttpRequestMessage CreateRequest(HttpMethod method, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, endpoint) { Content = content };
            if (method == HttpMethod.Post)
            {
                request.Headers.Accept.Add(AcceptJson);
            }

            request.Headers.Accept.Add(AcceptEventStream);
            if (session.SessionId is { } sessionId)
            {
                request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId);
            }

            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", session.ProtocolVersion);
            return request;
        }

        /// <summary>Reads the POST's answer (and resumes its stream when needed); disposes <paramref name="response"/>.</summary>
        public async Task<CallToolResult> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            string? lastEventId = null;
            var retry = DefaultRetry;
            for (var resumptions = 0; ; resumptions++)
            {
                using (response)
                {
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (!response.IsSuccessStatusCode)
                    {
                        throw await ErrorAsync(response, mediaType, cancellationToken).ConfigureAwait(false);
                    }

                    if (mediaType == JsonMediaType && lastEventId is null)
                    {
                        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                        return ReadJsonBody(body) ?? throw NoReply();
                    }

                    if (mediaType != EventStreamMediaType)
                    {
                        throw new McpException($"The gateway answered tools/call with HTTP {(int)response.StatusCode} and the content type '{mediaType ?? "(none)"}' instead of the reply.");
                    }

                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        try
                        {
                            await foreach (var item in SseParser.Create(stream, ParseEvent).EnumerateAsync(cancellationToken).ConfigureAwait(false))
                            {
                                lastEventId = string.IsNullOrEmpty(item.EventId) ? lastEventId : item.EventId;
                                retry = item.ReconnectionInterval ?? retry;
                                if (item.Data is { } reply)
                                {
                                    return reply;
                                }
                            }
                        }
                        catch (IOException) when (lastEventId is not null && resumptions < MaxResumptions && !cancellationToken.IsCancellationRequested)
                        {
                            // The stream broke after the server gave event ids: resume below instead of failing a call that may have run.
                        }
                    }
                }

                if (lastEventId is null || resumptions >= MaxResumptions)
                {
                    throw NoReply();
                }

                await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
                using var resume = CreateRequest(HttpMethod.Get);
                resume.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
                response = await http.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
        }

        private CallToolResult? ReadJsonBody(byte[] body)
        {
            try
            {
                return ReadMessages(body);
            }
            catch (JsonException ex)
            {
                throw new McpException($"The gateway's answer to tools/call is not valid JSON-RPC: {ex.Message}", ex);
            }
        }

        /// <summary>An SSE event's data: the reply, or <see langword="null"/> for anything else (skipped as the SDK skips it).</summary>
        private CallToolResult? ParseEvent(string eventType, ReadOnlySpan<byte> data)
        {
            if (data.IsEmpty)
            {
                return null; // a priming event (an id for resumption, no message)
            }

            try
            {
                return ReadMessages(data);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>One JSON-RPC message or a batch of them: the reply if it is among them.</summary>
        private CallToolResult? ReadMessages(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                throw new JsonException("The message is empty.");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return ReadMessage(json);
            }

            CallToolResult? reply = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                reply ??= ReadMessage(json[start..(int)reader.BytesConsumed]);
            }

            return reply;
        }

        private CallToolResult? ReadMessage(ReadOnlySpan<byte> json)
        {
            var message = ToolCallMessage.Read(json, id);
            switch (message.Kind)
            {
                case ToolCallMessageKind.Reply:
                    return message.Result;
                case ToolCallMessageKind.ListChanged:
                    session.OnListChanged();
                    return null;
                case ToolCallMessageKind.ServerRequest:
                    _ = AnswerServerRequestAsync(message.RequestIdJson!, message.Method!);
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Answers a request the server sent on the call's stream: <c>ping</c> with <c>{}</c>, anything else with -32601.</summary>
        private async Task AnswerServerRequestAsync(string requestIdJson, string method)
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc"u8, "2.0"u8);
                writer.WritePropertyName("id"u8);
                writer.WriteRawValue(requestIdJson, skipInputValidation: true);
                if (method == RequestMethods.Ping)
                {
                    writer.WriteStartObject("result"u8);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteStartObject("error"u8);
                    writer.WriteNumber("code"u8, (int)McpErrorCode.MethodNotFound);
                    writer.WriteString("message"u8, $"The client does not handle '{method}'.");
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var request = CreateRequest(HttpMethod.Post, JsonBody(buffer.WrittenMemory));
                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Answering a server's request is best effort: the tool call goes on either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        private static async Task<Exception> ErrorAsync(HttpResponseMessage response, string? mediaType, CancellationToken cancellationToken)
        {
            if (response.StatusCode == HttpStatusCode.BadRequest && mediaType == JsonMediaType)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (ToolCallMessage.TryReadError(body) is { } error)
                {
                    return error;
                }
            }

            return new HttpRequestException(
                $"Response status code does not indicate success: {(int)response.StatusCode} ({response.ReasonPhrase}).",
                inner: null,
                response.StatusCode);
        }
    }
}
