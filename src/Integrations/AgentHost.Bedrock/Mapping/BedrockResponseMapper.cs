using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Maps a Converse response to a <see cref="ChatResponse"/>; its public constants name the <c>AdditionalProperties</c> it sets.</summary>
public static class BedrockResponseMapper
{
    /// <summary>The <c>AdditionalProperties</c> key of Bedrock's server-side latency in milliseconds.</summary>
    public const string LatencyKey = "bedrock.latencyMs";

    /// <summary>The <c>AdditionalProperties</c> key of Bedrock's <c>trace</c> (a <see cref="System.Text.Json.JsonElement"/>; <c>trace.guardrail</c> holds a guardrail's assessment).</summary>
    public const string TraceKey = "bedrock.trace";

    internal static ChatResponse Map(ConverseResponse response, string modelId, string? requestId)
    {
        var message = new ChatMessage(ChatRole.Assistant, []) { MessageId = requestId };
        foreach (var block in response.Output?.Message?.Content ?? [])
        {
            if (BedrockContentMapper.FromBlock(block) is { } content)
            {
                message.Contents.Add(content);
            }
        }

        var result = new ChatResponse(message)
        {
            ModelId = modelId,
            ResponseId = requestId,
            FinishReason = BedrockStopReasons.ToFinishReason(response.StopReason),
            Usage = BedrockUsageMapper.ToUsage(response.Usage),
            RawRepresentation = response,
            AdditionalProperties = [],
        };
        if (response.StopReason is not null)
        {
            result.AdditionalProperties[BedrockStopReasons.AdditionalPropertyKey] = response.StopReason;
        }

        if (response.Metrics?.LatencyMs is { } latency)
        {
            result.AdditionalProperties[LatencyKey] = latency;
        }

        if (response.Trace is { ValueKind: System.Text.Json.JsonValueKind.Object } trace)
        {
            result.AdditionalProperties[TraceKey] = trace;
        }

        return result;
    }
}
