using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Supervision;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>The activity feed: appends (one conditional write per batch), reads by sequence, session summaries by activity and by contact.</summary>
public sealed partial class DynamoDbSupervisionStore : IActivityFeed
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string TransactionConflict = "TransactionConflict";

    // TransactWriteItems takes 100 items and 4 MB: the summary plus at most 24 chunks of MaxChunkBytes stays well inside both.
    private const int MaxChunksPerBatch = 24;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The batch does not fit one transaction, or other writers of the session kept winning the race.</exception>
    public async Task<IReadOnlyList<ActivityEvent>> AppendAsync(string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 1; ; attempt++)
        {
            var known = _known.TryGetValue(sessionId, out var remembered) ? remembered : await ReadKnownAsync(sessionId, cancellationToken).ConfigureAwait(false);
            var next = known.Live?.LastSequence ?? 0;
            var stored = new List<ActivityEvent>(events.Count);
            foreach (var activity in events)
            {
                stored.Add(activity with { SessionId = sessionId, Sequence = ++next });
            }

            var last = stored.Count > 0 ? stored[^1].At : known.Live?.LastActivity ?? _time.GetUtcNow();
            var live = LiveSessionUpdates.Apply(known.Live, sessionId, update, next, last);
            if (await TryWriteBatchAsync(sessionId, stored, live, known.Version, cancellationToken).ConfigureAwait(false))
            {
                Remember(sessionId, new KnownSession(live, known.Version + 1));
                return stored;
            }

            _known.TryRemove(sessionId, out _);
            if (attempt > _options.ConflictRetries)
            {
                throw new InvalidOperationException($"The activity batch of session {sessionId} lost {attempt} races with other writers of the session; it was not stored.");
            }

            DynamoDbSupervisionStoreLog.AppendConflict(_logger, sessionId, attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityEvent>> ReadAsync(string sessionId, long afterSequence, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var result = new List<ActivityEvent>();
        if (limit <= 0 || afterSequence == long.MaxValue)
        {
            return result;
        }

        // Chunks are keyed by their last sequence: the first chunk after the cursor may hold events at or before it.
        var request = new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = "pk = :pk AND sk BETWEEN :from AND :to",
            ExpressionAttributeValues = Values(
                (":pk", S(DynamoDbSupervisionSchema.SessionPartition(sessionId))),
                (":from", S(DynamoDbSupervisionSchema.EventSortKey(Math.Max(0, afterSequence) + 1))),
                (":to", S(DynamoDbSupervisionSchema.EventSortKey(long.MaxValue)))),
            ConsistentRead = true,
            Limit = Math.Min(limit, 1_000),
        };
        do
        {
            var response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                foreach (var activity in DecodeChunk(item))
                {
                    if (activity.Sequence > afterSequence)
                    {
                        result.Add(activity);
                        if (result.Count == limit)
                        {
                            return result;
                        }
                    }
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } lastKey ? lastKey : null;
        }
        while (request.ExclusiveStartKey is not null);
        return result;
    }

    /// <inheritdoc />
    /// <remarks>Reads the <c>ByActivity</c> index (eventually consistent: a summary written a moment ago may show its previous state).</remarks>
    public Task<IReadOnlyList<LiveSession>> ListSessionsAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        QueryLiveAsync(
            new QueryRequest
            {
                TableName = TableName,
                IndexName = DynamoDbSupervisionSchema.ActivityIndexName,
                KeyConditionExpression = "gsi1pk = :live",
                ExpressionAttributeValues = Values((":live", S(DynamoDbSupervisionSchema.LiveIndexValue))),
                ScanIndexForward = false,
            },
            limit,
            cancellationToken);

    /// <inheritdoc />
    public async Task<LiveSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return (await ReadKnownAsync(sessionId, cancellationToken).ConfigureAwait(false)).Live;
    }

    /// <inheritdoc />
    /// <remarks>Reads the sparse <c>ByContact</c> index (eventually consistent).</remarks>
    public async Task<LiveSession?> FindByContactAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var found = await QueryLiveAsync(
            new QueryRequest
            {
                TableName = TableName,
                IndexName = DynamoDbSupervisionSchema.ContactIndexName,
                KeyConditionExpression = "contactId = :contact",
                ExpressionAttributeValues = Values((":contact", S(contactId))),
                ScanIndexForward = false,
            },
            1,
            cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Writes the summary and the batch's chunks; false when the summary's version moved (another writer won).</summary>
    private async Task<bool> TryWriteBatchAsync(string sessionId, List<ActivityEvent> stored, LiveSession live, long version, CancellationToken cancellationToken)
    {
        var expiresAt = ExpiresAt();
        var summary = ItemKey(sessionId, DynamoDbSupervisionSchema.LiveSortKey);
        summary["live"] = S(JsonSerializer.Serialize(live, SupervisionJsonContext.Default.LiveSession));
        summary["version"] = N(version + 1);
        summary[DynamoDbSupervisionSchema.ActivityIndexPartitionKey] = S(DynamoDbSupervisionSchema.LiveIndexValue);
        summary[DynamoDbSupervisionSchema.ActivityIndexSortKey] = S(Iso(live.LastActivity) + "#" + sessionId);
        if (live.ContactId is { Length: > 0 } contact)
        {
            summary[DynamoDbSupervisionSchema.ContactAttribute] = S(contact);
        }

        summary[DynamoDbSupervisionSchema.TtlAttribute] = expiresAt;
        var summaryPut = new Put { TableName = TableName, Item = summary };
        if (version == 0)
        {
            summaryPut.ConditionExpression = "attribute_not_exists(pk)";
        }
        else
        {
            summaryPut.ConditionExpression = "#version = :version";
            summaryPut.ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#version"] = "version" };
            summaryPut.ExpressionAttributeValues = Values((":version", N(version)));
        }

        var items = new List<TransactWriteItem> { new() { Put = summaryPut } };
        foreach (var chunk in Chunk(stored))
        {
            var item = ItemKey(sessionId, DynamoDbSupervisionSchema.EventSortKey(chunk[^1].Sequence));
            item["first"] = N(chunk[0].Sequence);
            item["last"] = N(chunk[^1].Sequence);
            item["events"] = S(JsonSerializer.Serialize<IReadOnlyList<ActivityEvent>>(chunk, SupervisionJsonContext.Default.IReadOnlyListActivityEvent));
            item[DynamoDbSupervisionSchema.TtlAttribute] = expiresAt;
            items.Add(new TransactWriteItem { Put = new Put { TableName = TableName, Item = item, ConditionExpression = "attribute_not_exists(pk)" } });
        }

        try
        {
            // The token makes the SDK's own retries of this request idempotent (a retry after a lost response must not
            // fail the version condition and make us store the batch twice). The SDK fills one in when it is unset; it is
            // set here so that the guarantee does not rest on that.
            var request = new TransactWriteItemsRequest
            {
                TransactItems = items,
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
            var written = await _client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
            CountWrite(written.ConsumedCapacity?.Sum(c => c.CapacityUnits ?? 0));
            return true;
        }
        catch (TransactionCanceledException canceled) when ((canceled.CancellationReasons ?? []).Any(r => r.Code is ConditionalCheckFailed or TransactionConflict))
        {
            return false;
        }
    }

    /// <summary>Splits a batch into chunk items of at most <see cref="DynamoDbSupervisionStoreOptions.MaxChunkBytes"/> of JSON each.</summary>
    private List<List<ActivityEvent>> Chunk(List<ActivityEvent> stored)
    {
        var chunks = new List<List<ActivityEvent>>();
        var current = new List<ActivityEvent>();
        var bytes = 2;
        foreach (var activity in stored)
        {
            var size = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(activity, SupervisionJsonContext.Default.ActivityEvent)) + 1;
            if (size + 2 > _options.MaxChunkBytes)
            {
                throw new InvalidOperationException($"Activity event {activity.Sequence} of session {activity.SessionId} is {size} bytes of JSON, above the chunk limit of {_options.MaxChunkBytes}.");
            }

            if (current.Count > 0 && bytes + size > _options.MaxChunkBytes)
            {
                chunks.Add(current);
                current = [];
                bytes = 2;
            }

            current.Add(activity);
            bytes += size;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks.Count <= MaxChunksPerBatch
            ? chunks
            : throw new InvalidOperationException($"An activity batch of {stored.Count} events needs {chunks.Count} items, more than the {MaxChunksPerBatch} one write can hold; flush more often.");
    }

    private async Task<KnownSession> ReadKnownAsync(string sessionId, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = TableName, Key = ItemKey(sessionId, DynamoDbSupervisionSchema.LiveSortKey), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return IsFound(response.Item) ? new KnownSession(DecodeLive(response.Item), GetN(response.Item, "version") ?? 0) : new KnownSession(null, 0);
    }

    private async Task<IReadOnlyList<LiveSession>> QueryLiveAsync(QueryRequest request, int limit, CancellationToken cancellationToken)
    {
        var result = new List<LiveSession>();
        if (limit <= 0)
        {
            return result;
        }

        request.Limit = Math.Min(limit, 1_000);
        do
        {
            var response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                result.Add(DecodeLive(item));
                if (result.Count == limit)
                {
                    return result;
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return result;
    }

    private static LiveSession DecodeLive(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize(GetRequiredS(item, "live"), SupervisionJsonContext.Default.LiveSession)
        ?? throw new InvalidDataException("A stored session summary is empty.");

    private static IReadOnlyList<ActivityEvent> DecodeChunk(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize(GetRequiredS(item, "events"), SupervisionJsonContext.Default.IReadOnlyListActivityEvent)
        ?? throw new InvalidDataException("A stored activity chunk is empty.");
}
