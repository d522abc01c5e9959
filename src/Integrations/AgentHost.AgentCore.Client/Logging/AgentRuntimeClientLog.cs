using System.Net;
using Microsoft.Extensions.Logging;

namespace AgentHost.AgentCore.Client.Logging;

/// <summary>Source-generated log messages (event ids 15000-15499). Never logs prompts, answers, session ids, credentials or signatures.</summary>
internal static partial class AgentRuntimeClientLog
{
    [LoggerMessage(EventId = 15000, Level = LogLevel.Debug, Message = "Invoking {Target} ({Mode}), attempt {Attempt}.")]
    public static partial void Sending(ILogger logger, string target, string mode, int attempt);

    [LoggerMessage(EventId = 15001, Level = LogLevel.Warning, Message = "Invoking {Target} failed with {ErrorType} (HTTP {StatusCode}); retrying in {DelayMs} ms (retry {Retry}).")]
    public static partial void Retrying(ILogger logger, string target, string errorType, HttpStatusCode? statusCode, long delayMs, int retry);

    [LoggerMessage(EventId = 15002, Level = LogLevel.Warning, Message = "Invoking {Target} failed with {ErrorType} (HTTP {StatusCode}, request {RequestId}) after {Attempts} attempt(s); retryable: {Retryable}.")]
    public static partial void Failed(ILogger logger, string target, string errorType, HttpStatusCode? statusCode, string? requestId, int attempts, bool retryable);

    [LoggerMessage(EventId = 15003, Level = LogLevel.Warning, Message = "Invoking {Target}: the deadline passed after {Attempts} attempt(s).")]
    public static partial void DeadlineExceeded(ILogger logger, string target, int attempts);
}
