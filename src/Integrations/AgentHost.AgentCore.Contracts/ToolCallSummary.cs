using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>A tool call in an invocation response.</summary>
public sealed class ToolCallSummary
{
    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The arguments.</summary>
    [JsonPropertyName("input")]
    public required JsonElement Input { get; init; }

    /// <summary>How the call ended: <c>success</c>, <c>error</c>, <c>timeout</c>, <c>notFound</c>, <c>denied</c>, <c>cancelled</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The call's duration in milliseconds.</summary>
    [JsonPropertyName("durationMs")]
    public double DurationMs { get; init; }

    /// <summary>The model's id for the call.</summary>
    [JsonPropertyName("toolUseId")]
    public string? ToolUseId { get; init; }

    /// <summary>The error, when the call failed.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>
    /// Markers set by the host's controls on this call (e.g. sanitisation or exactly-once handling). Omitted from the JSON when
    /// there are none: an empty list is stored as <see langword="null"/>.
    /// </summary>
    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Flags
    {
        get => _flags;
        init => _flags = value is { Count: > 0 } ? value : null;
    }

    private readonly IReadOnlyList<string>? _flags;
}
