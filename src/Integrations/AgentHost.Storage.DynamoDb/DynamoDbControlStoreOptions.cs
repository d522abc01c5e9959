namespace AgentHost.Storage.DynamoDb;

/// <summary>Settings of <see cref="DynamoDbControlStore"/>: its two tables. See the project README for their design.</summary>
public sealed class DynamoDbControlStoreOptions
{
    /// <summary>The environment variable naming the control table: <c>AGENTHOST_DYNAMODB_CONTROL_TABLE</c>.</summary>
    public const string ControlTableVariable = "AGENTHOST_DYNAMODB_CONTROL_TABLE";

    /// <summary>The environment variable naming the audit table: <c>AGENTHOST_DYNAMODB_AUDIT_TABLE</c>.</summary>
    public const string AuditTableVariable = "AGENTHOST_DYNAMODB_AUDIT_TABLE";

    /// <summary>
    /// The control table (approval requests, tool intents, audit heads): items are updated with conditional writes. Default
    /// (<see cref="ForConversationTable"/>): the conversation table's name with <c>-control</c>.
    /// </summary>
    public string ControlTableName { get; set; } = string.Empty;

    /// <summary>
    /// The audit table: append-only (conditional puts of new keys only; deny UpdateItem and DeleteItem on it in IAM).
    /// Default (<see cref="ForConversationTable"/>): the conversation table's name with <c>-audit</c>.
    /// </summary>
    public string AuditTableName { get; set; } = string.Empty;

    /// <summary>Days a tool intent is kept (TTL <c>expiresAt</c>); 0 keeps intents forever. Default: 30.</summary>
    public int IntentTtlDays { get; set; } = 30;

    /// <summary>How often a transaction cancelled by a concurrent one is retried. Default: 10.</summary>
    public int TransactionConflictRetries { get; set; } = 10;

    /// <summary>The default options next to a conversation table: <c>NAME-control</c> and <c>NAME-audit</c>, unless named explicitly.</summary>
    public static DynamoDbControlStoreOptions ForConversationTable(string conversationTable, string? controlTable = null, string? auditTable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationTable);
        return new DynamoDbControlStoreOptions
        {
            ControlTableName = string.IsNullOrWhiteSpace(controlTable) ? conversationTable + "-control" : controlTable.Trim(),
            AuditTableName = string.IsNullOrWhiteSpace(auditTable) ? conversationTable + "-audit" : auditTable.Trim(),
        };
    }
}
