using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>Token usage in an invocation response.</summary>
public sealed class UsageSummary
{
    /// <summary>Input tokens.</summary>
    [JsonPropertyName("inputTokens")]
    public long InputTokens { get; init; }

    /// <summary>Output tokens.</summary>
    [JsonPropertyName("outputTokens")]
    public long OutputTokens { get; init; }

    /// <summary>Total tokens.</summary>
    [JsonPropertyName("totalTokens")]
    public long TotalTokens { get; init; }
}
