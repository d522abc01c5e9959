using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>The conversation store (section <c>Store</c>).</summary>
public sealed class StoreSettings
{
    /// <summary>
    /// <c>auto</c> (DynamoDB when a table is configured, otherwise SQLite), <c>sqlite</c>, <c>dynamodb</c> or <c>memory</c>
    /// (in process, lost on restart; for stateless deployments, tests and benchmarks). Default: <c>auto</c>.
    /// </summary>
    [AllowedValues("auto", "sqlite", "dynamodb", "memory")]
    [Setting(Aliases = ["AGENTHOST_STORE"])]
    public string Provider { get; set; } = "auto";

    /// <summary>The SQLite database file (its folder is created). Default: <c>.data/agenthost.db</c> under the working directory.</summary>
    [Setting(Aliases = ["AGENTHOST_SQLITE_PATH"])]
    public string SqlitePath { get; set; } = ".data/agenthost.db";

    /// <summary>The DynamoDB table name. Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_DYNAMODB_TABLE"])]
    public string? DynamoDbTable { get; set; }

    /// <summary>Days before a DynamoDB session expires (TTL), 1 to 3650. Default: 30.</summary>
    [Range(1, 3_650)]
    [Setting(Aliases = ["AGENTHOST_DYNAMODB_TTL_DAYS"], Unit = "days")]
    public int DynamoDbTtlDays { get; set; } = 30;

    /// <summary>Create the DynamoDB table at start-up when it is missing (local and development use). Default: false.</summary>
    [Setting(Aliases = ["AGENTHOST_DYNAMODB_CREATE_TABLE"])]
    public bool DynamoDbCreateTable { get; set; }
}
