using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>What one JSON-RPC message on a tool call's answer is to that call.</summary>
internal enum ToolCallMessageKind
{
    /// <summary>Neither the reply nor anything to act on (another id, a notification such as progress or logging).</summary>
    Other,

    /// <summary>The reply to the call, with its result.</summary>
    Reply,

    /// <summary><c>notifications/tools/list_changed</c>.</summary>
    ListChanged,

    /// <summary>A request from the server (it has a method and an id), to be answered.</summary>
    ServerRequest,
}

/// <summary>
/// One JSON-RPC message read for a tool call: the reply's result (or its error, thrown as the SDK's
/// <see cref="McpProtocolException"/>), a list change, or a server request with its id and method.
/// </summary>
internal readonly record struct ToolCallMessage(ToolCallMessageKind Kind, CallToolResult? Result = null, string? Method = null, string? RequestIdJson = null)
{
    private static readonly JsonTypeInfo<CallToolResult> ResultType = (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));
    private static readonly JsonTypeInfo<JsonRpcErrorDetail> ErrorType = (JsonTypeInfo<JsonRpcErrorDetail>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcErrorDetail));

    /// <summary>Reads one message (a JSON object) for the call with the string id <paramref name="callId"/>.</summary>
    /// <exception cref="JsonException">The message is not a JSON object, or the reply's result or error is malformed.</exception>
    /// <exception cref="McpProtocolException">The message is the reply and carries a JSON-RPC error.</exception>
    /// <exception cref="McpException">The message is the reply and has neither a result nor an error.</exception>
    public static ToolCallMessage Read(ReadOnlySpan<byte> json, string callId)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON-RPC message must be a JSON object.");
        }

        var isOurs = false;
        Range id = default;
        string? method = null;
        Range result = default;
        Range error = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadValue(ref reader);
                isOurs = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(callId);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
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

        if (method is not null)
        {
            return !id.Equals(default(Range))
                ? new ToolCallMessage(ToolCallMessageKind.ServerRequest, Method: method, RequestIdJson: System.Text.Encoding.UTF8.GetString(json[id]))
                : new ToolCallMessage(method == NotificationMethods.ToolListChangedNotification ? ToolCallMessageKind.ListChanged : ToolCallMessageKind.Other);
        }

        if (!isOurs)
        {
            return new ToolCallMessage(ToolCallMessageKind.Other);
        }

        if (!error.Equals(default(Range)))
        {
            throw ToException(JsonSerializer.Deserialize(json[error], ErrorType));
        }

        return result.Equals(default(Range))
            ? throw new McpException("The gateway's reply to tools/call has neither a result nor an error.")
            : new ToolCallMessage(ToolCallMessageKind.Reply, JsonSerializer.Deserialize(json[result], ResultType) ?? throw new McpException("The gateway's reply to tools/call has a null result."));
    }

    /// <summary>The JSON-RPC error of a non-success answer's body (e.g. a 400), or <see langword="null"/> when it has none.</summary>
    public static McpProtocolException? TryReadError(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error"u8, out var detail)
                ? ToException(detail.Deserialize(ErrorType))
                : null;
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
