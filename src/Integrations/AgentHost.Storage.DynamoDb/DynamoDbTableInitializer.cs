using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// Creates the conversation table with the exact key schema, the <c>BySessionStatus</c> GSI and TTL on
/// <c>expiresAt</c>, on-demand billing, and point-in-time recovery when the endpoint supports it
/// (used by <c>agenthost store create-table</c> and by <see cref="DynamoDbConversationStoreOptions.CreateTableIfMissing"/>).
/// </summary>
public sealed class DynamoDbTableInitializer
{
    private readonly IAmazonDynamoDB _client;
    private readonly ILogger _logger;

    /// <summary>Creates the initializer.</summary>
    public DynamoDbTableInitializer(IAmazonDynamoDB client, ILogger<DynamoDbTableInitializer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The CreateTable request for <paramref name="tableName"/>: the schema to deploy.</summary>
    public static CreateTableRequest BuildCreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(DynamoDbTableSchema.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbTableSchema.SortKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbTableSchema.StatusIndexPartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbTableSchema.StatusIndexSortKey, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(DynamoDbTableSchema.PartitionKey, KeyType.HASH),
            new KeySchemaElement(DynamoDbTableSchema.SortKey, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = DynamoDbTableSchema.StatusIndexName,
                KeySchema =
                [
                    new KeySchemaElement(DynamoDbTableSchema.StatusIndexPartitionKey, KeyType.HASH),
                    new KeySchemaElement(DynamoDbTableSchema.StatusIndexSortKey, KeyType.RANGE),
                ],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };

    /// <summary>
    /// Creates the table when it does not exist, waits until it is active, enables TTL on <c>expiresAt</c> and
    /// (best effort, skipped when the endpoint does not support it) point-in-time recovery.
    /// </summary>
    /// <returns>True when the table was created, false when it already existed.</returns>
    public async Task<bool> CreateTableIfMissingAsync(string tableName, bool enablePointInTimeRecovery = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        if (await ExistsAsync(tableName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await _client.CreateTableAsync(BuildCreateTableRequest(tableName), cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Created concurrently by another process: wait for it like our own.
        }

        await WaitUntilActiveAsync(tableName, cancellationToken).ConfigureAwait(false);
        await _client.UpdateTimeToLiveAsync(
            new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = DynamoDbTableSchema.TtlAttribute, Enabled = true },
            },
            cancellationToken).ConfigureAwait(false);
        if (enablePointInTimeRecovery)
        {
            await TryEnablePointInTimeRecoveryAsync(tableName, cancellationToken).ConfigureAwait(false);
        }

        DynamoDbConversationStoreLog.TableCreated(_logger, tableName);
        return true;
    }

    private async Task<bool> ExistsAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    private async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var table = (await _client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false)).Table;
            var indexesActive = table.GlobalSecondaryIndexes?.TrueForAll(i => i.IndexStatus == IndexStatus.ACTIVE) ?? true;
            if (table.TableStatus == TableStatus.ACTIVE && indexesActive)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * (attempt + 1))), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TryEnablePointInTimeRecoveryAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await _client.UpdateContinuousBackupsAsync(
                new UpdateContinuousBackupsRequest
                {
                    TableName = tableName,
                    PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException error)
        {
            DynamoDbConversationStoreLog.PointInTimeRecoveryUnavailable(_logger, tableName, error.ErrorCode ?? error.GetType().Name);
        }
    }
}
