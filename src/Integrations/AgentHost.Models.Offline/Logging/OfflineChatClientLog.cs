using Microsoft.Extensions.Logging;

namespace AgentHost.Models.Offline.Logging;

/// <summary>Source-generated log messages of the offline model. Never logs the user's words or argument values.</summary>
internal static partial class OfflineChatClientLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Offline model calls {ToolName} (score {Score:F2}, {ArgumentCount} arguments)")]
    public static partial void CallingTool(ILogger logger, string toolName, double score, int argumentCount);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Offline model asks for {MissingCount} missing arguments of {ToolName}")]
    public static partial void AskingForArguments(ILogger logger, string toolName, int missingCount);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "Offline model summarises {ResultCount} tool results")]
    public static partial void Summarising(ILogger logger, int resultCount);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Offline model found no tool above the minimum score {MinimumScore} (best {BestScore:F2})")]
    public static partial void NoToolMatched(ILogger logger, double minimumScore, double bestScore);
}
