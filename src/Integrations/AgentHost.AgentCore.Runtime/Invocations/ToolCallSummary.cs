using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>A tool call in an invocation response.</summary>
public sealed class ToolCallSummary
{
    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The arguments.</summary>
    [JsonPropertyName("input")]
    public required JsonElement Input { get; init; }

    /// <summary>How the call ended: <c>success</c>, <c>error</c>, <c>timeout</c>, <c>notFound</c>, <c>denied</c>, <c>cancelled</c>, <c>pending</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The call's duration in milliseconds.</summary>
    [JsonPropertyName("durationMs")]
    public double DurationMs { get; init; }

    /// <summary>The model's id for the call.</summary>
    [JsonPropertyName("toolUseId")]
    public string? ToolUseId { get; init; }

    /// <summary>Markers for people who review the call (e.g. <c>outcomeUnknown</c>, <c>sanitised:pii</c>); absent when none.</summary>
    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>The suspension (e.g. the approval request id) the call started or resumed; absent when none.</summary>
    [JsonPropertyName("suspensionId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SuspensionId { get; init; }

    /// <summary>The error, when the call failed.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
