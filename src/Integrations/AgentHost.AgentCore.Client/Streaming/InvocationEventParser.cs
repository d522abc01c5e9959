using System.Text;
using System.Text.Json;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client.Streaming;

/// <summary>
/// Turns one Server-Sent Event of <c>POST /invocations</c> into an <see cref="InvocationEvent"/>: the host's named events
/// (<c>message</c>, <c>tool_call</c>, <c>done</c>, <c>error</c>) and the forms the official AgentCore SDKs stream without
/// event names: <c>data:</c> holding a JSON string, <c>{"text": ...}</c>, <c>{"error": ...}</c>, or plain text.
/// Unknown events and empty messages yield <see langword="null"/> (skipped).
/// </summary>
internal static class InvocationEventParser
{
    /// <summary>Parses one event.</summary>
    /// <exception cref="JsonException">A <c>tool_call</c>, <c>done</c> or <c>error</c> event is not the contract's JSON.</exception>
    public static InvocationEvent? Parse(string eventType, ReadOnlySpan<byte> data) => eventType switch
    {
        StreamEventNames.Message => ParseMessage(data),
        StreamEventNames.ToolCall => new InvocationToolCall(Deserialize(data, AgentCoreJsonContext.Default.ToolCallProgress)),
        StreamEventNames.Done => new InvocationCompleted(Deserialize(data, AgentCoreJsonContext.Default.InvocationResponse)),
        StreamEventNames.Error => new InvocationFailed(Deserialize(data, AgentCoreJsonContext.Default.ErrorResponse)),
        _ => null,
    };

    private static InvocationEvent? ParseMessage(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(data);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return new InvocationTextDelta(Encoding.UTF8.GetString(data));
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.String:
                    return root.GetString() is { Length: > 0 } value ? new InvocationTextDelta(value) : null;
                case JsonValueKind.Object when root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String:
                    return text.GetString() is { Length: > 0 } fragment ? new InvocationTextDelta(fragment) : null;
                case JsonValueKind.Object when root.TryGetProperty("error", out var error):
                    return new InvocationFailed(new ErrorResponse
                    {
                        Error = error.ValueKind == JsonValueKind.String ? error.GetString() ?? string.Empty : error.GetRawText(),
                        ErrorType = StringOrNull(root, "error_type"),
                        Message = StringOrNull(root, "message"),
                    });
                default:
                    return null;
            }
        }
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        => JsonSerializer.Deserialize(data, typeInfo) ?? throw new JsonException($"The event data is null; expected a {typeof(T).Name}.");

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
