namespace AgentHost.Storage.DynamoDb;

/// <summary>Settings of <see cref="DynamoDbSupervisionStore"/>. See the project README for the table's design.</summary>
public sealed class DynamoDbSupervisionStoreOptions
{
    /// <summary>The environment variable naming the table: <c>AGENTHOST_DYNAMODB_SUPERVISOR_TABLE</c>.</summary>
    public const string TableVariable = "AGENTHOST_DYNAMODB_SUPERVISOR_TABLE";

    /// <summary>The supervision table. Default (<see cref="ForConversationTable"/>): the conversation table's name with <c>-supervisor</c>.</summary>
    public string TableName { get; set; } = string.Empty;

    /// <summary>How long the feed, session summaries and guidance are kept after their last write (TTL <c>expiresAt</c>). Default: 72 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How often an append that lost a race with another writer of the same session is retried. Default: 20.</summary>
    public int ConflictRetries { get; set; } = 20;

    /// <summary>The largest JSON of one event chunk item, in bytes (DynamoDB's item limit is 400 KB). Default: 128,000.</summary>
    public int MaxChunkBytes { get; set; } = 128_000;

    /// <summary>The default options next to a conversation table: <c>NAME-supervisor</c>, unless named explicitly.</summary>
    public static DynamoDbSupervisionStoreOptions ForConversationTable(string conversationTable, string? supervisorTable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationTable);
        return new DynamoDbSupervisionStoreOptions
        {
            TableName = string.IsNullOrWhiteSpace(supervisorTable) ? conversationTable + "-supervisor" : supervisorTable.Trim(),
        };
    }
}
