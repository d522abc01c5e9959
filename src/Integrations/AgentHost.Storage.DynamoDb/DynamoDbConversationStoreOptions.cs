using System.Globalization;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Settings of <see cref="DynamoDbConversationStore"/>. See the project README for the table design.</summary>
public sealed class DynamoDbConversationStoreOptions
{
    /// <summary>The environment variable naming the table: <c>AGENTHOST_DYNAMODB_TABLE</c>. When set, the host uses DynamoDB.</summary>
    public const string TableNameVariable = "AGENTHOST_DYNAMODB_TABLE";

    /// <summary>The environment variable for <see cref="TtlDays"/>: <c>AGENTHOST_DYNAMODB_TTL_DAYS</c>.</summary>
    public const string TtlDaysVariable = "AGENTHOST_DYNAMODB_TTL_DAYS";

    /// <summary>The environment variable for <see cref="CreateTableIfMissing"/>: <c>AGENTHOST_DYNAMODB_CREATE_TABLE</c> (<c>true</c>/<c>1</c>).</summary>
    public const string CreateTableVariable = "AGENTHOST_DYNAMODB_CREATE_TABLE";

    /// <summary>The start of the marker that ends a content truncated for the prompt.</summary>
    public const string TruncationMarkerPrefix = "[truncated by AgentHost:";

    /// <summary>The table name. Required.</summary>
    public string TableName { get; set; } = string.Empty;

    /// <summary>
    /// Days after its last write an item expires (the <c>expiresAt</c> TTL attribute, epoch seconds). The header is
    /// rewritten on every turn, so an active session's header never expires; each turn item expires this long after it
    /// was written. 0 disables TTL. Default: 30.
    /// </summary>
    public int TtlDays { get; set; } = 30;

    /// <summary>The AWS region; null for the SDK's default (<c>AWS_REGION</c>, profile). Default: null.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// An endpoint override (DynamoDB Local, a VPC endpoint); null for the regional endpoint.
    /// <see cref="FromEnvironment"/> reads <c>AWS_ENDPOINT_URL_DYNAMODB</c>, then <c>AWS_ENDPOINT_URL</c>. Default: null.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Creates the table (keys, GSI, TTL) on first use when it does not exist. Meant for local and development use. Default: false.</summary>
    public bool CreateTableIfMissing { get; set; }

    /// <summary>Message JSON larger than this many bytes is stored gzip-compressed. Default: 65,536 (64 KB).</summary>
    public int CompressThresholdBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// A text or tool result longer than this many characters is truncated, with a marker, in the copy
    /// <see cref="DynamoDbConversationStore.LoadAsync"/> returns for the prompt; the full turn stays readable through
    /// <see cref="DynamoDbConversationStore.ReadTurnsAsync"/> and <see cref="DynamoDbConversationStore.FindTurnAsync"/>. Default: 65,536.
    /// </summary>
    public int PromptContentLimit { get; set; } = 64 * 1024;

    /// <summary>How often a transaction cancelled by a concurrent transaction on the same items is retried. Default: 20.</summary>
    public int TransactionConflictRetries { get; set; } = 20;

    /// <summary>
    /// Reads the options from the environment, or returns null when <c>AGENTHOST_DYNAMODB_TABLE</c> is not set
    /// (the host then uses its default store). Reads <c>AGENTHOST_DYNAMODB_TABLE</c>, <c>AGENTHOST_DYNAMODB_TTL_DAYS</c>,
    /// <c>AGENTHOST_DYNAMODB_CREATE_TABLE</c>, <c>AWS_REGION</c> (then <c>AWS_DEFAULT_REGION</c>),
    /// <c>AWS_ENDPOINT_URL_DYNAMODB</c> (then <c>AWS_ENDPOINT_URL</c>).
    /// </summary>
    /// <param name="getVariable">Reads a variable; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="FormatException">A variable has an invalid value.</exception>
    public static DynamoDbConversationStoreOptions? FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? Read(string name) => getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var table = Read(TableNameVariable);
        if (table is null)
        {
            return null;
        }

        var options = new DynamoDbConversationStoreOptions
        {
            TableName = table,
            Region = Read("AWS_REGION") ?? Read("AWS_DEFAULT_REGION"),
        };
        if (Read(TtlDaysVariable) is { } ttl)
        {
            options.TtlDays = int.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days >= 0
                ? days
                : throw new FormatException($"{TtlDaysVariable} must be a whole number of days (0 disables TTL), not '{ttl}'.");
        }

        if (Read(CreateTableVariable) is { } create)
        {
            options.CreateTableIfMissing = create.ToUpperInvariant() switch
            {
                "1" or "TRUE" => true,
                "0" or "FALSE" => false,
                _ => throw new FormatException($"{CreateTableVariable} must be true, false, 1 or 0, not '{create}'."),
            };
        }

        if ((Read("AWS_ENDPOINT_URL_DYNAMODB") ?? Read("AWS_ENDPOINT_URL")) is { } endpoint)
        {
            options.ServiceUrl = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw new FormatException($"The DynamoDB endpoint override '{endpoint}' is not an absolute URL.");
        }

        return options;
    }
}
