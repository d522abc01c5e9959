using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The control layer's durable state in DynamoDB, shared by every host and the supervisor tools: approval requests and
/// tool intents in the control table (conditional writes), audit chains in the append-only audit table (a record is a
/// conditional put of a new key, in one transaction with its session's head in the control table; there is no update or
/// delete code path). See <see cref="DynamoDbControlSchema"/> and the project README (table design, IAM policy).
/// </summary>
public sealed partial class DynamoDbControlStore
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string TransactionConflict = "TransactionConflict";
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbControlStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store.</summary>
    /// <param name="client">The DynamoDB client (not disposed by the store).</param>
    /// <param name="options">The table names.</param>
    /// <param name="timeProvider">The clock for intent TTLs. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger (never logs arguments or results).</param>
    public DynamoDbControlStore(IAmazonDynamoDB client, DynamoDbControlStoreOptions options, TimeProvider? timeProvider = null, ILogger<DynamoDbControlStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ControlTableName);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AuditTableName);
        _client = client;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    private string ControlTable => _options.ControlTableName;

    private string AuditTable => _options.AuditTableName;
}
