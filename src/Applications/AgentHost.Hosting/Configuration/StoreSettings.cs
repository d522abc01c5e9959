namespace AgentHost.Hosting.Configuration;

/// <summary>The conversation store (section <c>Store</c>).</summary>
public sealed class StoreSettings
{
    /// <summary>
    /// <c>auto</c> (DynamoDB when a table is configured, otherwise SQLite), <c>sqlite</c>, <c>dynamodb</c> or <c>memory</c>
    /// (in process, lost on restart; for stateless deployments, tests and benchmarks). Default: <c>auto</c>.
    /// </summary>
    public string Provider { get; set; } = "auto";

    /// <summary>The SQLite database file. Default: <c>.data/agenthost.db</c> under the working directory.</summary>
    public string SqlitePath { get; set; } = ".data/agenthost.db";

    /// <summary>The DynamoDB table name. Default: none.</summary>
    public string? DynamoDbTable { get; set; }

    /// <summary>Days before a DynamoDB session expires (TTL). Default: 30.</summary>
    public int DynamoDbTtlDays { get; set; } = 30;

    /// <summary>Create the DynamoDB table at start-up when it is missing (local and development use). Default: false.</summary>
    public bool DynamoDbCreateTable { get; set; }
}
