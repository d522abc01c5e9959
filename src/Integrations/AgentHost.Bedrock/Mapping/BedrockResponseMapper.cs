using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Maps a Converse response to a <see cref="ChatResponse"/>.</summary>
internal static class BedrockResponseMapper
{
    public const string LatencyKey = "bedrock.latencyMs";

    public static ChatResponse Map(ConverseResponse response, string modelId, string? requestId)
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

        return result;
    }
}
