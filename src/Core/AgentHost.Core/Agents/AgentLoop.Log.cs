using Microsoft.Extensions.Logging;

namespace AgentHost.Core.Agents;

public sealed partial class AgentLoop
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Turn {TurnId} of session {SessionId} starting")]
    private static partial void LogTurnStarting(ILogger logger, string sessionId, string turnId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Turn of session {SessionId} finished: {StopReason} after {Cycles} model calls and {ToolCalls} tool calls")]
    private static partial void LogTurnFinished(ILogger logger, string sessionId, string stopReason, int cycles, int toolCalls);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Turn of session {SessionId} failed with {ErrorType}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string sessionId, string errorType);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Tool {ToolName} finished: {Status} in {DurationMs} ms")]
    private static partial void LogToolCallFinished(ILogger logger, string toolName, string status, double durationMs);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The conversation of session {SessionId} overflowed the model's context window; trimming the history and retrying once")]
    private static partial void LogContextOverflow(ILogger logger, string sessionId);
}
