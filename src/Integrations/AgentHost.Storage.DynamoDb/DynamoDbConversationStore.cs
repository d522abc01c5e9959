using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The DynamoDB conversation store: one table, one partition per session, append-only turn items, a small header item.
/// A turn is written by one TransactWriteItems call (turn item, idempotency item, header update, and any chunk items),
/// conditional on the turn not existing and on the header's turn count, so racing turns never lose or duplicate a turn
/// and a crash never leaves half a turn. Loading reads the header and the newest turns only (Query, newest first, bounded).
/// Oversized contents are compressed and truncated in the prompt copy; see <see cref="DynamoDbConversationStoreOptions"/>
/// and the project README. Message contents are never logged.
/// </summary>
public sealed partial class DynamoDbConversationStore : IConversationStore
{
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbConversationStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _tableGate = new(1, 1);
    private volatile bool _tableReady;

    /// <summary>Creates the store.</summary>
    /// <param name="client">The DynamoDB client (see <see cref="DynamoDbClientFactory"/>). Not disposed by the store.</param>
    /// <param name="options">The settings; <see cref="DynamoDbConversationStoreOptions.TableName"/> is required.</param>
    /// <param name="timeProvider">The clock for header timestamps and TTL. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger. Message contents are never logged.</param>
    public DynamoDbConversationStore(IAmazonDynamoDB client, DynamoDbConversationStoreOptions options, TimeProvider? timeProvider = null, ILogger<DynamoDbConversationStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TableName);
        _client = client;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _tableReady = !options.CreateTableIfMissing;
    }

    private string Table => _options.TableName;

    /// <inheritdoc />
    /// <remarks>
    /// Two requests, sent concurrently: GetItem of the header and a Query of at most <paramref name="maxTurns"/> turn items,
    /// newest first. Contents longer than <see cref="DynamoDbConversationStoreOptions.PromptContentLimit"/> come back cut,
    /// ending with a marker that starts with <see cref="DynamoDbConversationStoreOptions.TruncationMarkerPrefix"/>.
    /// </remarks>
    public async Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTurns);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var headerTask = GetItemAsync(sessionId, DynamoDbTableSchema.HeaderSortKey, cancellationToken);
        var turnsTask = maxTurns > 0 ? QueryNewestTurnsAsync(sessionId, maxTurns, cancellationToken) : Task.FromResult(new List<TurnRecord>());
        var headerItem = await headerTask.ConfigureAwait(false);
        var turns = await turnsTask.ConfigureAwait(false);
        if (headerItem is null)
        {
            return ConversationSnapshot.Empty;
        }

        // The two reads ran concurrently with possible writers: make the snapshot consistent with the header. A turn newer
        // than the header's count is dropped; a query that missed the header's last turn is repeated (the transaction that
        // raised the count wrote that turn, and both reads are strongly consistent).
        var header = HeaderItemCodec.Decode(headerItem);
        turns.RemoveAll(turn => turn.Sequence > header.TurnCount);
        if (maxTurns > 0 && header.TurnCount > 0 && (turns.Count == 0 || turns[0].Sequence < header.TurnCount))
        {
            turns = await QueryNewestTurnsAsync(sessionId, maxTurns, cancellationToken).ConfigureAwait(false);
            turns.RemoveAll(turn => turn.Sequence > header.TurnCount);
        }

        turns.Reverse();
        return new ConversationSnapshot(header, turns);
    }

    /// <inheritdoc />
    /// <remarks>Returns the full turn (never truncated).</remarks>
    public async Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(turnId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var pointer = await GetItemAsync(sessionId, DynamoDbTableSchema.TurnIdSortKey(turnId), cancellationToken).ConfigureAwait(false);
        return pointer is not null && GetN(pointer, TurnItemCodec.Sequence) is { } sequence
            ? await GetTurnAsync(sessionId, sequence, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<TurnRecord?> GetTurnAsync(string sessionId, long sequence, CancellationToken cancellationToken)
    {
        var item = await GetItemAsync(sessionId, DynamoDbTableSchema.TurnSortKey(sequence), cancellationToken).ConfigureAwait(false);
        return item is null ? null : await DecodeFullAsync(item, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TurnRecord> DecodeFullAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        if (TurnItemCodec.ChunkCount(item) == 0)
        {
            return TurnItemCodec.Decode(item);
        }

        var sessionId = GetRequiredS(item, DynamoDbTableSchema.PartitionKey);
        var sequence = GetN(item, TurnItemCodec.Sequence) ?? 0;
        var chunks = await QueryAllAsync(
            new QueryRequest
            {
                TableName = Table,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTableSchema.PartitionKey, ["#sk"] = DynamoDbTableSchema.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = S(sessionId), [":prefix"] = S(DynamoDbTableSchema.FullPrefixOf(sequence)) },
            },
            int.MaxValue,
            cancellationToken).ConfigureAwait(false);
        if (chunks.Count != TurnItemCodec.ChunkCount(item))
        {
            throw new InvalidDataException($"Turn {sequence} of session '{sessionId}' has {chunks.Count} of its {TurnItemCodec.ChunkCount(item)} chunk items.");
        }

        return TurnItemCodec.Decode(item, chunks);
    }

    private async Task<List<TurnRecord>> QueryNewestTurnsAsync(string sessionId, int maxTurns, CancellationToken cancellationToken)
    {
        var items = await QueryAllAsync(
            new QueryRequest
            {
                TableName = Table,
                ConsistentRead = true,
                ScanIndexForward = false,
                Limit = maxTurns,
                KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTableSchema.PartitionKey, ["#sk"] = DynamoDbTableSchema.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = S(sessionId), [":prefix"] = S(DynamoDbTableSchema.TurnPrefix) },
            },
            maxTurns,
            cancellationToken).ConfigureAwait(false);
        return items.ConvertAll(item => TurnItemCodec.Decode(item));
    }

    private async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string sessionId, string sortKey, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = Table, Key = Key(sessionId, sortKey), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return IsFound(response.Item) ? response.Item : null;
    }

    /// <summary>Runs a query page by page until <paramref name="maxItems"/> items or the end.</summary>
    private async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(QueryRequest request, int maxItems, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        while (true)
        {
            var response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                if (items.Count < maxItems)
                {
                    items.Add(item);
                }
            }

            if (items.Count >= maxItems || response.LastEvaluatedKey is not { Count: > 0 })
            {
                return items;
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
            if (request.Limit is { } limit)
            {
                request.Limit = Math.Min(limit, maxItems - items.Count);
            }
        }
    }

    private long? ExpiresAt(DateTimeOffset now) =>
        _options.TtlDays > 0 ? now.AddDays(_options.TtlDays).ToUnixTimeSeconds() : null;

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableReady)
        {
            return;
        }

        await _tableGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_tableReady)
            {
                await new DynamoDbTableInitializer(_client).CreateTableIfMissingAsync(Table, enablePointInTimeRecovery: true, cancellationToken).ConfigureAwait(false);
                _tableReady = true;
            }
        }
        finally
        {
            _tableGate.Release();
        }
    }
}
