using System.Net;
using Microsoft.Extensions.Logging;

namespace AgentHost.Bedrock.Logging;

/// <summary>Source-generated log messages. Never logs message contents, credentials or signatures.</summary>
internal static partial class BedrockLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Bedrock {Operation} for model {ModelId} (attempt {Attempt}).")]
    public static partial void Sending(ILogger logger, string operation, string modelId, int attempt);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Bedrock {Operation} failed with {ErrorType} (HTTP {StatusCode}); retrying in {DelayMs} ms (retry {Retry}).")]
    public static partial void Retrying(ILogger logger, string operation, string errorType, HttpStatusCode? statusCode, long delayMs, int retry);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Bedrock {Operation} failed with {ErrorType} (HTTP {StatusCode}, request {RequestId}).")]
    public static partial void Failed(ILogger logger, string operation, string errorType, HttpStatusCode? statusCode, string? requestId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Bedrock {Operation} for model {ModelId} finished: stop reason {StopReason}, {InputTokens} input / {OutputTokens} output tokens.")]
    public static partial void Completed(ILogger logger, string operation, string modelId, string? stopReason, long? inputTokens, long? outputTokens);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Bedrock guardrail {GuardrailId} intervened in {Operation} for model {ModelId}; the turn ends with stop reason contentFiltered (the trace is in the response's bedrock.trace property).")]
    public static partial void GuardrailIntervened(ILogger logger, string operation, string modelId, string guardrailId);
}
