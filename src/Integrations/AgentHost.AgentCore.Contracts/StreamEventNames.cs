namespace AgentHost.AgentCore.Contracts;

/// <summary>
/// The <c>event:</c> names of the Server-Sent Events of <c>POST /invocations</c> (sent when the caller asks for
/// <c>text/event-stream</c> or sets <see cref="InvocationPayload.Stream"/>). Each event's <c>data:</c> is one JSON document.
/// </summary>
public static class StreamEventNames
{
    /// <summary>A text fragment: <see cref="TextChunk"/>. Also the SSE default when a stream names no event.</summary>
    public const string Message = "message";

    /// <summary>A tool call started or finished: <see cref="ToolCallProgress"/>.</summary>
    public const string ToolCall = "tool_call";

    /// <summary>The last event of a successful turn: the <see cref="InvocationResponse"/>.</summary>
    public const string Done = "done";

    /// <summary>The last event of a failed turn: an <see cref="ErrorResponse"/> with <c>error</c>, <c>error_type</c> and <c>message</c>.</summary>
    public const string Error = "error";
}
