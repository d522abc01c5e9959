using Microsoft.Extensions.Logging;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Source-generated log messages of the DynamoDB supervision store (event ids 6700-6799). Never logs message texts or guidance.</summary>
internal static partial class DynamoDbSupervisionStoreLog
{
    [LoggerMessage(EventId = 6700, Level = LogLevel.Information, Message = "Created DynamoDB supervision table {TableName} (ByActivity and ByContact GSIs, TTL on expiresAt)")]
    public static partial void TableCreated(ILogger logger, string tableName);

    [LoggerMessage(EventId = 6701, Level = LogLevel.Debug, Message = "Activity batch of session {SessionId} raced another writer (attempt {Attempt}); retrying")]
    public static partial void AppendConflict(ILogger logger, string sessionId, int attempt);
}
