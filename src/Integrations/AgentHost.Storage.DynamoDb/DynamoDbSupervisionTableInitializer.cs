using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// Creates the supervision table (used by <c>agenthost store create-table</c> and the start-up bootstrapper): string keys,
/// the <c>ByActivity</c> and <c>ByContact</c> GSIs, TTL on <c>expiresAt</c>, on-demand. No point-in-time recovery: the feed
/// is short-lived by design (the transcript and the audit trail are the durable record).
/// </summary>
public sealed class DynamoDbSupervisionTableInitializer
{
    private readonly IAmazonDynamoDB _client;
    private readonly ILogger _logger;

    /// <summary>Creates the initializer.</summary>
    public DynamoDbSupervisionTableInitializer(IAmazonDynamoDB client, ILogger<DynamoDbSupervisionTableInitializer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The CreateTable request of the supervision table.</summary>
    public static CreateTableRequest BuildTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(DynamoDbSupervisionSchema.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbSupervisionSchema.SortKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbSupervisionSchema.ActivityIndexPartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbSupervisionSchema.ActivityIndexSortKey, ScalarAttributeType.S),
            new AttributeDefinition(DynamoDbSupervisionSchema.ContactAttribute, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(DynamoDbSupervisionSchema.PartitionKey, KeyType.HASH),
            new KeySchemaElement(DynamoDbSupervisionSchema.SortKey, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = DynamoDbSupervisionSchema.ActivityIndexName,
                KeySchema =
                [
                    new KeySchemaElement(DynamoDbSupervisionSchema.ActivityIndexPartitionKey, KeyType.HASH),
                    new KeySchemaElement(DynamoDbSupervisionSchema.ActivityIndexSortKey, KeyType.RANGE),
                ],
                Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["live"] },
            },
            new GlobalSecondaryIndex
            {
                IndexName = DynamoDbSupervisionSchema.ContactIndexName,
                KeySchema =
                [
                    new KeySchemaElement(DynamoDbSupervisionSchema.ContactAttribute, KeyType.HASH),
                    new KeySchemaElement(DynamoDbSupervisionSchema.ActivityIndexSortKey, KeyType.RANGE),
                ],
                Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["live"] },
            },
        ],
    };

    /// <summary>Creates the table if it is missing (TTL on <c>expiresAt</c>) and waits until it and its indexes are active.</summary>
    /// <returns>True when it was created.</returns>
    public async Task<bool> CreateTableIfMissingAsync(string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        try
        {
            await _client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await _client.CreateTableAsync(BuildTableRequest(tableName), cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Created concurrently by another process: wait for it like our own.
        }

        for (var attempt = 0; ; attempt++)
        {
            var table = (await _client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false)).Table;
            if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes?.TrueForAll(i => i.IndexStatus == IndexStatus.ACTIVE) ?? true))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * (attempt + 1))), cancellationToken).ConfigureAwait(false);
        }

        await _client.UpdateTimeToLiveAsync(
            new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = DynamoDbSupervisionSchema.TtlAttribute, Enabled = true },
            },
            cancellationToken).ConfigureAwait(false);
        DynamoDbSupervisionStoreLog.TableCreated(_logger, tableName);
        return true;
    }
}
