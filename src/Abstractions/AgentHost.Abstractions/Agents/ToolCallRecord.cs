using System.Text.Json;

namespace AgentHost.Abstractions.Agents;

/// <summary>One tool call made during a turn, as reported to callers and stored with the turn.</summary>
/// <param name="CallId">The model's id for the call (Bedrock <c>toolUseId</c>).</param>
/// <param name="Name">The tool name the model used.</param>
/// <param name="Input">The arguments the tool was called with (after any hook replaced them).</param>
/// <param name="Status">How the call ended.</param>
/// <param name="DurationMs">Wall-clock duration of the call in milliseconds.</param>
/// <param name="Error">A short error message when <paramref name="Status"/> is not success; never contains secrets.</param>
public sealed record ToolCallRecord(
    string CallId,
    string Name,
    JsonElement Input,
    ToolCallStatus Status,
    double DurationMs,
    string? Error = null);
