using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Logging;

/// <summary>Log messages of the Connect bridge (event ids 12000-12099). Never the customer's words, answers or endpoints.</summary>
internal static partial class BridgeLog
{
    [LoggerMessage(EventId = 12000, Level = LogLevel.Information, Message = "{Kind} event of session {SessionId}: route {Route}, turn {Counter}, {Outcome}")]
    public static partial void Handled(ILogger logger, string kind, string sessionId, string route, int counter, string outcome);

    [LoggerMessage(EventId = 12001, Level = LogLevel.Warning, Message = "Unusable {Kind} event: {Problem} Answered with Escalate")]
    public static partial void Unusable(ILogger logger, string kind, string problem);

    [LoggerMessage(EventId = 12002, Level = LogLevel.Warning, Message = "Turn {TurnId} of session {SessionId} failed: {Failure} ({Detail}); answered with the fallback and Escalate")]
    public static partial void TurnFailed(ILogger logger, string turnId, string sessionId, string failure, string? detail);

    [LoggerMessage(EventId = 12003, Level = LogLevel.Information, Message = "Turn {TurnId} of session {SessionId} goes on in the runtime; answered with the filler")]
    public static partial void TurnPending(ILogger logger, string turnId, string sessionId);

    [LoggerMessage(EventId = 12004, Level = LogLevel.Information, Message = "Collected turn {TurnId} of session {SessionId}")]
    public static partial void Collected(ILogger logger, string turnId, string sessionId);

    [LoggerMessage(EventId = 12005, Level = LogLevel.Warning, Message = "Turn {TurnId} of session {SessionId} is still running: the new input ({Length} characters) was not sent; answered with the filler")]
    public static partial void InputWhilePending(ILogger logger, string turnId, string sessionId, int length);

    [LoggerMessage(EventId = 12007, Level = LogLevel.Warning, Message = "Turn {TurnId} of session {SessionId} is still running after {Fillers} fillers; answered with Escalate")]
    public static partial void TooSlow(ILogger logger, string turnId, string sessionId, int fillers);

    [LoggerMessage(EventId = 12006, Level = LogLevel.Error, Message = "The bridge failed unexpectedly ({ErrorType}); answered with Escalate")]
    public static partial void Unexpected(ILogger logger, Exception exception, string errorType);
}
