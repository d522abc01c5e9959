using Microsoft.Extensions.Logging;

namespace AgentHost.Storage.Sqlite;

/// <summary>Source-generated log messages. Never logs message contents.</summary>
internal static partial class SqliteConversationStoreLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "SQLite conversation store ready at {DatabasePath}")]
    public static partial void SchemaReady(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Turn {Sequence} of session {SessionId} already stored under turn id {TurnId}; returning the stored turn")]
    public static partial void DuplicateTurn(ILogger logger, string sessionId, long sequence, string turnId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Turn {Sequence} of session {SessionId} conflicts: the session has {TurnCount} turns")]
    public static partial void SequenceConflict(ILogger logger, string sessionId, long sequence, long turnCount);
}
