using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Maps Bedrock token usage to <see cref="UsageDetails"/> (cache reads/writes in AdditionalCounts).</summary>
internal static class BedrockUsageMapper
{
    public const string CacheReadKey = "CacheReadInputTokens";
    public const string CacheWriteKey = "CacheWriteInputTokens";

    public static UsageDetails? ToUsage(TokenUsageDto? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokens,
            OutputTokenCount = usage.OutputTokens,
            TotalTokenCount = usage.TotalTokens ?? (usage.InputTokens + usage.OutputTokens),
            CachedInputTokenCount = usage.CacheReadInputTokens,
        };
        if (usage.CacheReadInputTokens is not null || usage.CacheWriteInputTokens is not null)
        {
            details.AdditionalCounts = new AdditionalPropertiesDictionary<long>
            {
                [CacheReadKey] = usage.CacheReadInputTokens ?? 0,
                [CacheWriteKey] = usage.CacheWriteInputTokens ?? 0,
            };
        }

        return details;
    }
}
