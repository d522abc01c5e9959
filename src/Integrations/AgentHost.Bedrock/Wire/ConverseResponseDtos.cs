using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.Bedrock.Wire;

// Response shapes of Converse and the error body (member names from the AWS SDK model).

internal sealed class ConverseResponse
{
    public ConverseOutput? Output { get; set; }

    public string? StopReason { get; set; }

    public TokenUsageDto? Usage { get; set; }

    public MetricsDto? Metrics { get; set; }

    /// <summary>The trace (<c>trace.guardrail</c> when a guardrail with trace enabled assessed the call), kept as raw JSON.</summary>
    public JsonElement? Trace { get; set; }
}

internal sealed class ConverseOutput
{
    public BedrockMessage? Message { get; set; }
}

internal sealed class TokenUsageDto
{
    public long? InputTokens { get; set; }

    public long? OutputTokens { get; set; }

    public long? TotalTokens { get; set; }

    public long? CacheReadInputTokens { get; set; }

    public long? CacheWriteInputTokens { get; set; }
}

internal sealed class MetricsDto
{
    public long? LatencyMs { get; set; }
}

internal sealed class ErrorBody
{
    public string? Message { get; set; }

    [JsonPropertyName("__type")]
    public string? Type { get; set; }

    public string? Code { get; set; }
}
