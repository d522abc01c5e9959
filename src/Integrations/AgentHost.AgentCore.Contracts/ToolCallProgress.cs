using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>Data of an SSE <c>tool_call</c> event: a tool call started or finished.</summary>
public sealed class ToolCallProgress
{
    /// <summary>The <see cref="Phase"/> of a call that started.</summary>
    public const string Started = "started";

    /// <summary>The <see cref="Phase"/> of a call that finished (<see cref="Status"/> and <see cref="DurationMs"/> are set).</summary>
    public const string Finished = "finished";

    /// <summary><c>started</c> or <c>finished</c>.</summary>
    [JsonPropertyName("phase")]
    public required string Phase { get; init; }

    /// <summary>The model's id for the call.</summary>
    [JsonPropertyName("toolUseId")]
    public required string ToolUseId { get; init; }

    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The arguments.</summary>
    [JsonPropertyName("input")]
    public required JsonElement Input { get; init; }

    /// <summary>The status, once finished.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    /// <summary>The duration in milliseconds, once finished.</summary>
    [JsonPropertyName("durationMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DurationMs { get; init; }
}
