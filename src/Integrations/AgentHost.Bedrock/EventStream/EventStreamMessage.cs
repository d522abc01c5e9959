namespace AgentHost.Bedrock.EventStream;

/// <summary>One decoded event-stream frame: its headers (values boxed by type) and its payload.</summary>
internal sealed class EventStreamMessage(IReadOnlyDictionary<string, object> headers, ReadOnlyMemory<byte> payload)
{
    public const string MessageTypeHeader = ":message-type";
    public const string EventTypeHeader = ":event-type";
    public const string ExceptionTypeHeader = ":exception-type";
    public const string ErrorCodeHeader = ":error-code";
    public const string ErrorMessageHeader = ":error-message";

    public IReadOnlyDictionary<string, object> Headers { get; } = headers;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public string? GetString(string name) => Headers.TryGetValue(name, out var value) ? value as string : null;
}
