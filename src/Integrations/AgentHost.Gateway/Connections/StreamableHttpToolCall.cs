using System.Buffers;
using System.Collections.Frozen;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One MCP <c>tools/call</c> as a single Streamable HTTP POST on a session that the SDK's <see cref="McpClient"/> initialised,
/// with the answer (a JSON body or an SSE stream) read in the caller's own flow.
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="McpClient.CallToolAsync(CallToolRequestParams, CancellationToken)"/>: the SDK routes every answer through
/// its session's message channel and a pending-request completion, two thread-pool hops plus a JSON-RPC envelope round trip
/// per call. On the peer benchmark that machinery was ~15% of the host's CPU per invocation; this path does the same protocol
/// exchange without it. Initialisation, listing, notifications on the standalone GET stream and closing stay with the SDK.
/// </para>
/// <para>
/// Same wire behaviour as the SDK for the revisions in <see cref="Supports"/>: <c>Accept: application/json, text/event-stream</c>,
/// the <c>Mcp-Session-Id</c> and <c>MCP-Protocol-Version</c> headers, a JSON-RPC error in the reply or in a 400 body becomes
/// <see cref="McpProtocolException"/> ("Request failed (remote): …", with the error code), any other non-success status an
/// <see cref="HttpRequestException"/> carrying it (401 and 404 are then handled by <see cref="GatewayConnection"/>), and a
/// cancelled call is announced with <c>notifications/cancelled</c>. A <c>notifications/tools/list_changed</c> that arrives on
/// the call's SSE stream is passed on. Other server messages on that stream (progress, logging, requests such as ping) are
/// skipped: the client declares no capability that invites server requests. Not supported, hence left to the SDK: protocol
/// revisions with per-request metadata (SEP-2575) and resuming an SSE stream that ends before the reply.
/// </para>
/// </remarks>
internal static class StreamableHttpToolCall
{
    private const string JsonMediaType = "application/json";
    private const string EventStreamMediaType = "text/event-stream";
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new(JsonMediaType);
    private static readonly MediaTypeWithQualityHeaderValue AcceptEventStream = new(EventStreamMediaType);
    private static readonly MediaTypeHeaderValue JsonContentType = new(JsonMediaType);
    private static readonly FrozenSet<string> PlainRevisions = FrozenSet.Create(StringComparer.Ordinal, "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
    private static readonly JsonTypeInfo<CallToolResult> ResultType = (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));
    private static readonly JsonTypeInfo<JsonRpcErrorDetail> ErrorType = (JsonTypeInfo<JsonRpcErrorDetail>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcErrorDetail));
    private static long s_lastId;

    /// <summary>Whether <paramref name="session"/> negotiated a protocol revision whose <c>tools/call</c> this class sends.</summary>
    public static bool Supports(McpClient session) =>
        session.NegotiatedProtocolVersion is { } version && PlainRevisions.Contains(version);

    /// <summary>Calls <paramref name="name"/> with <paramref name="arguments"/> on <paramref name="session"/>.</summary>
    /// <param name="http">The gateway's HTTP client (its handlers authenticate and observe 401/404).</param>
    /// <param name="endpoint">The gateway's MCP endpoint.</param>
    /// <param name="session">The initialised session (see <see cref="Supports"/>).</param>
    /// <param name="name">The tool's name on the gateway.</param>
    /// <param name="arguments">The arguments, written as they are.</param>
    /// <param name="onListChanged">Called for a <c>notifications/tools/list_changed</c> on the call's stream.</param>
    /// <param name="cancellationToken">Cancels the call; the server is then told with <c>notifications/cancelled</c>.</param>
    public static async Task<CallToolResult> SendAsync(
        HttpClient http,
        Uri endpoint,
        McpClient session,
        string name,
        IReadOnlyDictionary<string, JsonElement> arguments,
        Action onListChanged,
        CancellationToken cancellationToken)
    {
        // String ids in a namespace of their own: the SDK numbers its requests on the same session.
        var id = "agenthost-" + Interlocked.Increment(ref s_lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = CreateBody(id, name, arguments) };
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.Accept.Add(AcceptEventStream);
        if (session.SessionId is { } sessionId)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId);
        }

        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", session.NegotiatedProtocolVersion);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return await ReadResponseAsync(response, id, onListChanged, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing the connection does not cancel a Streamable HTTP request; the notification does (best effort, not awaited).
            _ = AnnounceCancellationAsync(session, id);
            throw;
        }
    }

    /// <summary>
    /// Reads one JSON-RPC message: the result of the call <paramref name="id"/>, or <see langword="null"/> when the message is
    /// something else (a notification, a server request, another id). Throws <see cref="McpProtocolException"/> for an error reply.
    /// </summary>
    internal static CallToolResult? ReadMessage(ReadOnlySpan<byte> json, string id, Action onListChanged)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new McpException("The gateway sent a JSON-RPC message that is not a JSON object.");
        }

        var isOurs = false;
        var hasMethod = false;
        var isListChanged = false;
        Range result = default;
        Range error = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                isOurs = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(id);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                hasMethod = true;
                isListChanged = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(NotificationMethods.ToolListChangedNotification);
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                result = ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = ReadValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (hasMethod)
        {
            if (isListChanged && !isOurs)
            {
                onListChanged();
            }

            return null;
        }

        if (!isOurs)
        {
            return null;
        }

        if (!error.Equals(default(Range)))
        {
            var detail = JsonSerializer.Deserialize(json[error], ErrorType) ?? throw new McpException("The gateway sent an empty JSON-RPC error.");
            throw new McpProtocolException($"Request failed (remote): {detail.Message}", (McpErrorCode)detail.Code);
        }

        return result.Equals(default(Range))
            ? throw new McpException("The gateway's reply to tools/call has neither a result nor an error.")
            : JsonSerializer.Deserialize(json[result], ResultType) ?? throw new McpException("The gateway's reply to tools/call has a null result.");
    }

    /// <summary>Moves past the current property's value and returns where the value's JSON text lies.</summary>
    private static Range ReadValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
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

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    private static async Task<CallToolResult> ReadResponseAsync(HttpResponseMessage response, string id, Action onListChanged, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!response.IsSuccessStatusCode)
        {
            if (response.StatusCode == HttpStatusCode.BadRequest && mediaType == JsonMediaType)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (TryReadError(body, out var error))
                {
                    throw error;
                }
            }

            throw new HttpRequestException(
                $"Response status code does not indicate success: {(int)response.StatusCode} ({response.ReasonPhrase}).",
                inner: null,
                response.StatusCode);
        }

        if (mediaType == JsonMediaType)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ReadMessage(body, id, onListChanged) ?? throw NoReply();
        }

        if (mediaType == EventStreamMediaType)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var parser = SseParser.Create(stream, (eventType, data) => eventType == "message" ? ReadMessage(data, id, onListChanged) : null);
                await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (item.Data is { } result)
                    {
                        return result;
                    }
                }
            }

            throw NoReply();
        }

        throw new McpException($"The gateway answered tools/call with the unexpected content type '{mediaType ?? "(none)"}'.");
    }

    private static bool TryReadError(byte[] body, out McpProtocolException error)
    {
        error = null!;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error"u8, out var detail) &&
                detail.Deserialize(ErrorType) is { } parsed)
            {
                error = new McpProtocolException($"Request failed (remote): {parsed.Message}", (McpErrorCode)parsed.Code);
                return true;
            }
        }
        catch (JsonException)
        {
            // Not a JSON-RPC error body: the status code says it all.
        }

        return false;
    }

    private static McpException NoReply() => new("The gateway's answer to tools/call ended without a reply to the request.");

    private static async Task AnnounceCancellationAsync(McpClient session, string id)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await session.SendNotificationAsync(
                NotificationMethods.CancelledNotification,
                new CancelledNotificationParams { RequestId = new RequestId(id), Reason = "The tool call was cancelled or timed out." },
                McpJsonUtilities.DefaultOptions,
                timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Announcing a cancellation is best effort: the caller already has its OperationCanceledException.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
