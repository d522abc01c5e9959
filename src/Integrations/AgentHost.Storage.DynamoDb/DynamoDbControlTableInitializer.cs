using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// Creates the control store's tables (used by <c>agenthost store create-table</c> and the start-up bootstrapper): the
/// control table (string keys, the <c>ByCreated</c> GSI, TTL on <c>expiresAt</c>) and the audit table (session id and
/// numeric sequence, no TTL), both on-demand, with point-in-time recovery where the endpoint supports it.
/// </summary>
public sealed class DynamoDbControlTableInitializer
{
    private readonly IAmazonDynamoDB _client;
    private readonly ILogger _logger;

    /// <summary>Creates the initializer.</summary>
    public DynamoDbControlTableInitializer(IAmazonDynamoDB client, ILogger<DynamoDbControlTableInitializer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The CreateTable request of the control table.</summary>
    public static CreateTableRequest BuildControlTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(DynamoDbControlSchema.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbControlSchema.SortKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbControlSchema.CreatedIndexPartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbControlSchema.CreatedIndexSortKey, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(DynamoDbControlSchema.PartitionKey, KeyType.HASH),
            new KeySchemaElement(DynamoDbControlSchema.SortKey, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = DynamoDbControlSchema.CreatedIndexName,
                KeySchema =
                [
                    new KeySchemaElement(DynamoDbControlSchema.CreatedIndexPartitionKey, KeyType.HASH),
                    new KeySchemaElement(DynamoDbControlSchema.CreatedIndexSortKey, KeyType.RANGE),
                ],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };

    /// <summary>The CreateTable request of the audit table.</summary>
    public static CreateTableRequest BuildAuditTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(DynamoDbControlSchema.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbControlSchema.SortKey, ScalarAttributeType.N),
        ],
        KeySchema =
        [
            new KeySchemaElement(DynamoDbControlSchema.PartitionKey, KeyType.HASH),
            new KeySchemaElement(DynamoDbControlSchema.SortKey, KeyType.RANGE),
        ],
    };

    /// <summary>Creates whichever of the two tables is missing and waits until both are active.</summary>
    /// <returns>The names of the tables created.</returns>
    public async Task<IReadOnlyList<string>> CreateTablesIfMissingAsync(DynamoDbControlStoreOptions options, bool enablePointInTimeRecovery = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var created = new List<string>();
        if (await CreateIfMissingAsync(BuildControlTableRequest(options.ControlTableName), cancellationToken).ConfigureAwait(false))
        {
            await _client.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = options.ControlTableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = DynamoDbControlSchema.TtlAttribute, Enabled = true },
                },
                cancellationToken).ConfigureAwait(false);
            created.Add(options.ControlTableName);
        }

        if (await CreateIfMissingAsync(BuildAuditTableRequest(options.AuditTableName), cancellationToken).ConfigureAwait(false))
        {
            created.Add(options.AuditTableName);
        }

        foreach (var table in created)
        {
            if (enablePointInTimeRecovery)
            {
                try
                {
                    await _client.UpdateContinuousBackupsAsync(
                        new UpdateContinuousBackupsRequest { TableName = table, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } },
                        cancellationToken).ConfigureAwait(false);
                }
                catch (AmazonDynamoDBException error)
                {
                    DynamoDbConversationStoreLog.PointInTimeRecoveryUnavailable(_logger, table, error.ErrorCode ?? error.GetType().Name);
                }
            }

            DynamoDbControlStoreLog.TableCreated(_logger, table);
        }

        return created;
    }

    private async Task<bool> CreateIfMissingAsync(CreateTableRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DescribeTableAsync(new DescribeTableRequest { TableName = request.TableName }, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await _client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Created concurrently by another process: wait for it like our own.
        }

        for (var attempt = 0; ; attempt++)
        {
            var table = (await _client.DescribeTableAsync(new DescribeTableRequest { TableName = request.TableName }, cancellationToken).ConfigureAwait(false)).Table;
            if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes?.TrueForAll(i => i.IndexStatus == IndexStatus.ACTIVE) ?? true))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * (attempt + 1))), cancellationToken).ConfigureAwait(false);
        }
    }
}
