using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One MCP request (or notification) as a single Streamable HTTP POST, with the answer (a JSON body or an SSE stream) read in
/// the caller's own flow.
/// </summary>
/// <remarks>
/// <para>
/// Wire behaviour, as the C# SDK's for the revisions in <see cref="StreamableHttpSession.SupportedRevisions"/>: <c>Accept:
/// application/json, text/event-stream</c>, the <c>Mcp-Session-Id</c> and <c>MCP-Protocol-Version</c> headers once they are
/// known, request ids of their own (<c>agenthost-N</c>, strings). The answer: a JSON-RPC error in the reply or in a 400 body
/// becomes <see cref="McpProtocolException"/> ("Request failed (remote): …", with the code); another non-success status an
/// <see cref="HttpRequestException"/> carrying it (401 and 404 are then handled by <see cref="GatewayConnection"/>); a
/// malformed JSON body, an answer without the reply or an unexpected content type an <see cref="McpException"/>. On an SSE
/// answer, events without data (stream priming) and malformed messages are skipped, a batch is read element by element,
/// <c>notifications/tools/list_changed</c> is passed on, a server request is answered (<c>ping</c> with an empty result,
/// anything else with "method not found": the client declares no capability that invites requests), and a stream that
/// ends before the reply after giving event ids is resumed with a GET carrying <c>Last-Event-ID</c> (at most
/// <see cref="MaxResumptions"/> times, after the server's <c>retry</c> interval or one second). A cancelled request is
/// announced with <c>notifications/cancelled</c> (through <see cref="SessionContext.OnCancelled"/>).
/// </para>
/// </remarks>
internal static class StreamableHttpRequest
{
    /// <summary>How many times a stream that ended before the reply is resumed.</summary>
    public const int MaxResumptions = 3;

    public const string JsonMediaType = "application/json";
    public const string EventStreamMediaType = "text/event-stream";
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new(JsonMediaType);
    private static readonly MediaTypeWithQualityHeaderValue AcceptEventStream = new(EventStreamMediaType);
    private static readonly MediaTypeHeaderValue JsonContentType = new(JsonMediaType);
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(1);
    private static long s_lastId;

    /// <summary>A new request id: strings in a namespace of their own (<c>agenthost-N</c>).</summary>
    public static string NextId() => "agenthost-" + Interlocked.Increment(ref s_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends the request <paramref name="method"/> and returns its reply's result.</summary>
    /// <param name="http">The gateway's HTTP client (its handlers authenticate the requests).</param>
    /// <param name="endpoint">The gateway's MCP endpoint.</param>
    /// <param name="session">The session's id, negotiated revision and callbacks.</param>
    /// <param name="method">The JSON-RPC method.</param>
    /// <param name="writeParams">Writes the <c>params</c> object's members; <see langword="null"/> sends no params.</param>
    /// <param name="resultType">How to read the result.</param>
    /// <param name="cancellationToken">Cancels the request; <see cref="SessionContext.OnCancelled"/> is then called.</param>
    /// <param name="onResponse">Sees the POST's response before its body is read (e.g. for the <c>Mcp-Session-Id</c> header).</param>
    public static async Task<TResult> SendAsync<TResult>(
        HttpClient http,
        Uri endpoint,
        SessionContext session,
        string method,
        Action<Utf8JsonWriter>? writeParams,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken,
        Action<HttpResponseMessage>? onResponse = null)
        where TResult : class
    {
        var id = NextId();
        var call = new Call<TResult>(http, endpoint, session, id, method, resultType);
        try
        {
            using var request = CreateRequest(endpoint, session, HttpMethod.Post, Message(id, method, writeParams));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            onResponse?.Invoke(response);
            return await call.ReadAnswerAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing the connection does not cancel a Streamable HTTP request; the notification does.
            session.OnCancelled(id);
            throw;
        }
    }

    /// <summary>Sends the notification <paramref name="method"/>; throws like a request when the status is not a success.</summary>
    public static async Task NotifyAsync(HttpClient http, Uri endpoint, SessionContext session, string method, Action<Utf8JsonWriter>? writeParams, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(endpoint, session, HttpMethod.Post, Message(id: null, method, writeParams));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, response.Content.Headers.ContentType?.MediaType, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A request on the session: a POST (a message) accepts a JSON or an SSE answer, a GET (a stream) only SSE, a DELETE
    /// (closing) nothing in particular. The session headers are added once they are known.
    /// </summary>
    public static HttpRequestMessage CreateRequest(Uri endpoint, SessionContext session, HttpMethod method, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, endpoint) { Content = content };
        if (method == HttpMethod.Post)
        {
            request.Headers.Accept.Add(AcceptJson);
        }

        if (method != HttpMethod.Delete)
        {
            request.Headers.Accept.Add(AcceptEventStream);
        }

        if (session.SessionId is { } sessionId)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId);
        }

        if (session.ProtocolVersion is { } version)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", version);
        }

        return request;
    }

    /// <summary>A JSON-RPC message: a request when <paramref name="id"/> is given, else a notification.</summary>
    public static ReadOnlyMemoryContent Message(string? id, string method, Action<Utf8JsonWriter>? writeParams)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            if (id is not null)
            {
                writer.WriteString("id"u8, id);
            }

            writer.WriteString("method"u8, method);
            if (writeParams is not null)
            {
                writer.WriteStartObject("params"u8);
                writeParams(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return JsonBody(buffer.WrittenMemory);
    }

    /// <summary>
    /// Reads messages from the session's own event stream (the GET stream): list changes are passed on, server requests answered,
    /// anything else skipped. Malformed messages are skipped.
    /// </summary>
    public static void ReadEventStreamMessage(HttpClient http, Uri endpoint, SessionContext session, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        try
        {
            _ = new Call<CallToolResult>(http, endpoint, session, id: null, "the event stream", McpTypes.CallToolResult).ReadMessages(data);
        }
        catch (JsonException)
        {
            // a malformed message on the event stream is skipped, as the SDK skips it
        }
    }

    /// <summary>The exception for a non-success answer: the JSON-RPC error of a 400 body, else the status.</summary>
    public static async Task<Exception> ErrorAsync(HttpResponseMessage response, string? mediaType, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.BadRequest && mediaType == JsonMediaType)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (SessionMessage.TryReadError(body) is { } error)
            {
                return error;
            }
        }

        return new HttpRequestException(
            $"Response status code does not indicate success: {(int)response.StatusCode} ({response.ReasonPhrase}).",
            inner: null,
            response.StatusCode);
    }

    private static ReadOnlyMemoryContent JsonBody(ReadOnlyMemory<byte> json)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    /// <summary>One request in flight: reads its answer, resumes its stream, answers server requests on it.</summary>
    private sealed class Call<TResult>(HttpClient http, Uri endpoint, SessionContext session, string? id, string method, JsonTypeInfo<TResult> resultType)
        where TResult : class
    {
        /// <summary>Reads the POST's answer (and resumes its stream when needed); disposes <paramref name="response"/>.</summary>
        public async Task<TResult> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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
                        throw new McpException($"The gateway answered {method} with HTTP {(int)response.StatusCode} and the content type '{mediaType ?? "(none)"}' instead of the reply.");
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
                            // The stream broke after the server gave event ids: resume below instead of failing a request that may have run.
                        }
                    }
                }

                if (lastEventId is null || resumptions >= MaxResumptions)
                {
                    throw NoReply();
                }

                await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
                using var resume = CreateRequest(endpoint, session, HttpMethod.Get);
                resume.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
                response = await http.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>One JSON-RPC message or a batch of them: the reply if it is among them.</summary>
        public TResult? ReadMessages(ReadOnlySpan<byte> json)
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

            TResult? reply = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                reply ??= ReadMessage(json[start..(int)reader.BytesConsumed]);
            }

            return reply;
        }

        private McpException NoReply() => new($"The gateway's answer to {method} ended without a reply to the request.");

        private TResult? ReadJsonBody(byte[] body)
        {
            try
            {
                return ReadMessages(body);
            }
            catch (JsonException ex)
            {
                throw new McpException($"The gateway's answer to {method} is not valid JSON-RPC: {ex.Message}", ex);
            }
        }

        /// <summary>An SSE event's data: the reply, or <see langword="null"/> for anything else (skipped as the SDK skips it).</summary>
        private TResult? ParseEvent(string eventType, ReadOnlySpan<byte> data)
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

        private TResult? ReadMessage(ReadOnlySpan<byte> json)
        {
            var message = SessionMessage.Read(json, id, method, resultType);
            switch (message.Kind)
            {
                case SessionMessageKind.Reply:
                    return message.Result;
                case SessionMessageKind.ListChanged:
                    session.OnListChanged();
                    return null;
                case SessionMessageKind.ServerRequest:
                    _ = AnswerServerRequestAsync(message.RequestIdJson!, message.Method!);
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Answers a request the server sent on a stream: <c>ping</c> with <c>{}</c>, anything else with -32601.</summary>
        private async Task AnswerServerRequestAsync(string requestIdJson, string requestMethod)
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc"u8, "2.0"u8);
                writer.WritePropertyName("id"u8);
                writer.WriteRawValue(requestIdJson, skipInputValidation: true);
                if (requestMethod == RequestMethods.Ping)
                {
                    writer.WriteStartObject("result"u8);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteStartObject("error"u8);
                    writer.WriteNumber("code"u8, (int)McpErrorCode.MethodNotFound);
                    writer.WriteString("message"u8, $"The client does not handle '{requestMethod}'.");
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var request = CreateRequest(endpoint, session, HttpMethod.Post, JsonBody(buffer.WrittenMemory));
                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Answering a server's request is best effort: the request goes on either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
