using Microsoft.Extensions.Logging;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Source-generated log messages. Never logs message contents.</summary>
internal static partial class DynamoDbConversationStoreLog
{
    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Created DynamoDB table {TableName} (keys, BySessionStatus GSI, TTL on expiresAt)")]
    public static partial void TableCreated(ILogger logger, string tableName);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Warning, Message = "Point-in-time recovery could not be enabled on {TableName} ({ErrorCode}); enable it in the deployment")]
    public static partial void PointInTimeRecoveryUnavailable(ILogger logger, string tableName, string errorCode);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Information, Message = "Turn id {TurnId} of session {SessionId} already stored as turn {Sequence}; returning the stored turn")]
    public static partial void DuplicateTurn(ILogger logger, string sessionId, long sequence, string turnId);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Warning, Message = "Turn {Sequence} of session {SessionId} conflicts with a turn stored first")]
    public static partial void SequenceConflict(ILogger logger, string sessionId, long sequence);

    [LoggerMessage(EventId = 6505, Level = LogLevel.Debug, Message = "Turn {Sequence} of session {SessionId} raced a concurrent transaction (attempt {Attempt}); retrying")]
    public static partial void TransactionConflictRetry(ILogger logger, string sessionId, long sequence, int attempt);

    [LoggerMessage(EventId = 6506, Level = LogLevel.Information, Message = "Turn {Sequence} of session {SessionId}: {TruncatedCount} contents truncated for the prompt; full turn stored in {Chunks} chunk items ({CompressedBytes} bytes compressed)")]
    public static partial void TurnTruncated(ILogger logger, string sessionId, long sequence, int truncatedCount, int chunks, int compressedBytes);
}
