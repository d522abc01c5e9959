using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda.Logging;

/// <summary>Log messages of the Lambda host (event ids 12500-12599).</summary>
internal static partial class LambdaLog
{
    [LoggerMessage(EventId = 12500, Level = LogLevel.Information, Message = "AgentHost Connect bridge ready (runtime {RuntimeArn}, qualifier {Qualifier}, region {Region}) in {StartupMs} ms")]
    public static partial void Ready(ILogger logger, string runtimeArn, string qualifier, string region, long startupMs);

    [LoggerMessage(EventId = 12501, Level = LogLevel.Critical, Message = "Start-up failed: {Problem}")]
    public static partial void StartupFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 12502, Level = LogLevel.Error, Message = "Invocation {RequestId} failed unexpectedly ({ErrorType}); reported to Lambda")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string requestId, string errorType);

    [LoggerMessage(EventId = 12503, Level = LogLevel.Critical, Message = "The Lambda Runtime API failed ({ErrorType}); exiting")]
    public static partial void RuntimeApiFailed(ILogger logger, Exception exception, string errorType);

    [LoggerMessage(EventId = 12504, Level = LogLevel.Debug, Message = "Invocation {RequestId} answered in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string requestId, double elapsedMs);
}
