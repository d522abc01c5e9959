using Microsoft.Extensions.Logging;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Source-generated log messages of the DynamoDB control store (event ids 6600-6699). Never logs arguments or results.</summary>
internal static partial class DynamoDbControlStoreLog
{
    [LoggerMessage(EventId = 6600, Level = LogLevel.Information, Message = "Created DynamoDB control-layer table {TableName}")]
    public static partial void TableCreated(ILogger logger, string tableName);
}
