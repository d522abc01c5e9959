using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>Data of an SSE <c>tool_progress</c> event (<see cref="StreamEventNames.ToolProgress"/>): a running tool call reported progress.</summary>
public sealed class ToolProgressData
{
    /// <summary>The model's id for the call.</summary>
    [JsonPropertyName("toolUseId")]
    public required string ToolUseId { get; init; }

    /// <summary>The tool name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The progress so far.</summary>
    [JsonPropertyName("progress")]
    public required double Progress { get; init; }

    /// <summary>The total, when known.</summary>
    [JsonPropertyName("total")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Total { get; init; }

    /// <summary>The tool's message, when given.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
