using System.Text.Json;

namespace AgentHost.Abstractions.Agents;

/// <summary>One tool call made during a turn, as reported to callers and stored with the turn.</summary>
/// <param name="CallId">The model's id for the call (Bedrock <c>toolUseId</c>).</param>
/// <param name="Name">The tool name the model used.</param>
/// <param name="Input">The arguments the tool was called with (after any hook or middleware replaced them).</param>
/// <param name="Status">How the call ended.</param>
/// <param name="DurationMs">Wall-clock duration of the call in milliseconds.</param>
/// <param name="Error">A short error message when <paramref name="Status"/> is not success; never contains secrets.</param>
/// <param name="Flags">Markers for reviewers set by middleware (e.g. <c>sanitised:pii</c>, <c>outcomeUnknown</c>); null for none.</param>
/// <param name="SuspensionId">The suspension this call started (status pending) or resumed (any other status); null otherwise.</param>
public sealed record ToolCallRecord(
    string CallId,
    string Name,
    JsonElement Input,
    ToolCallStatus Status,
    double DurationMs,
    string? Error = null,
    IReadOnlyList<string>? Flags = null,
    string? SuspensionId = null);
