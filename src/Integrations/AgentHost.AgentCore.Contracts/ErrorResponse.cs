using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>An error body, shaped as the official AgentCore SDKs shape theirs.</summary>
public sealed class ErrorResponse
{
    /// <summary>A short description, e.g. <c>Invalid JSON</c>.</summary>
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    /// <summary>Details: what exactly was wrong.</summary>
    [JsonPropertyName("details")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Details { get; init; }

    /// <summary>The error type (mid-stream errors and conflicts).</summary>
    [JsonPropertyName("error_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorType { get; init; }

    /// <summary>A human-readable message (mid-stream errors).</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
