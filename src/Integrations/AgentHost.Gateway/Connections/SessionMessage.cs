using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>What one JSON-RPC message on an answer's stream is to the request waiting for it.</summary>
internal enum SessionMessageKind
{
    /// <summary>Neither the reply nor anything to act on (another id, a notification such as progress or logging).</summary>
    Other,

    /// <summary>The reply to the request, with its result.</summary>
    Reply,

    /// <summary><c>notifications/tools/list_changed</c>.</summary>
    ListChanged,

    /// <summary>A request from the server (it has a method and an id), to be answered.</summary>
    ServerRequest,
}

/// <summary>
/// One JSON-RPC message read for a request: the reply's result (or its error, thrown as the SDK's
/// <see cref="McpProtocolException"/>), a list change, or a server request with its id and method.
/// </summary>
/// <typeparam name="TResult">The type of the request's result.</typeparam>
internal readonly record struct SessionMessage<TResult>(SessionMessageKind Kind, TResult? Result = null, string? Method = null, string? RequestIdJson = null)
    where TResult : class;

/// <summary>Reads the JSON-RPC messages of an MCP session (<see cref="SessionMessage{TResult}"/>).</summary>
internal static class SessionMessage
{
    /// <summary>
    /// Reads one message (a JSON object) for the request with the string id <paramref name="requestId"/> (<see langword="null"/>
    /// on the session's event stream, where no reply is awaited).
    /// </summary>
    /// <param name="json">The message.</param>
    /// <param name="requestId">The awaited request's id.</param>
    /// <param name="method">The awaited request's method, for error messages.</param>
    /// <param name="resultType">How to read the reply's result.</param>
    /// <exception cref="JsonException">The message is not a JSON object, or the reply's result or error is malformed.</exception>
    /// <exception cref="McpProtocolException">The message is the reply and carries a JSON-RPC error.</exception>
    /// <exception cref="McpException">The message is the reply and has neither a result nor an error.</exception>
    public static SessionMessage<TResult> Read<TResult>(ReadOnlySpan<byte> json, string? requestId, string method, JsonTypeInfo<TResult> resultType)
        where TResult : class
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON-RPC message must be a JSON object.");
        }

        var isOurs = false;
        Range id = default;
        string? messageMethod = null;
        Range result = default;
        Range error = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadValue(ref reader);
                isOurs = requestId is not null && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(requestId);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                messageMethod = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
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

        if (messageMethod is not null)
        {
            return !id.Equals(default(Range))
                ? new SessionMessage<TResult>(SessionMessageKind.ServerRequest, Method: messageMethod, RequestIdJson: System.Text.Encoding.UTF8.GetString(json[id]))
                : new SessionMessage<TResult>(messageMethod == NotificationMethods.ToolListChangedNotification ? SessionMessageKind.ListChanged : SessionMessageKind.Other);
        }

        if (!isOurs)
        {
            return new SessionMessage<TResult>(SessionMessageKind.Other);
        }

        if (!error.Equals(default(Range)))
        {
            throw ToException(JsonSerializer.Deserialize(json[error], McpTypes.ErrorDetail));
        }

        return result.Equals(default(Range))
            ? throw new McpException($"The gateway's reply to {method} has neither a result nor an error.")
            : new SessionMessage<TResult>(SessionMessageKind.Reply, JsonSerializer.Deserialize(json[result], resultType) ?? throw new McpException($"The gateway's reply to {method} has a null result."));
    }

    /// <summary>The JSON-RPC error of a non-success answer's body (e.g. a 400), or <see langword="null"/> when it has none.</summary>
    public static McpProtocolException? TryReadError(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    var error = ReadValue(ref reader);
                    return ToException(JsonSerializer.Deserialize(body[error], McpTypes.ErrorDetail));
                }

                reader.Read();
                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null; // not a JSON-RPC error body: the status code says it all
        }
    }

    private static McpProtocolException ToException(JsonRpcErrorDetail? detail) =>
        detail is null
            ? new McpProtocolException("Request failed (remote): (no error details)", McpErrorCode.InternalError)
            : new McpProtocolException($"Request failed (remote): {detail.Message}", (McpErrorCode)detail.Code);

    /// <summary>Moves past the current property's value and returns where the value's JSON text lies.</summary>
    private static Range ReadValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }
}
