using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Session headers: listing through the status GSI, metadata updates, deletion.</summary>
public sealed partial class DynamoDbConversationStore
{
    private static readonly string[] ListedStatuses = [SessionStatuses.Active, SessionStatuses.Escalated, SessionStatuses.Closed];

    /// <inheritdoc />
    /// <remarks>
    /// Queries the <c>BySessionStatus</c> GSI (newest <c>updatedAt</c> first; eventually consistent). Without a status,
    /// queries the well-known statuses (<c>active</c>, <c>escalated</c>, <c>closed</c>) and merges them; sessions with a
    /// custom status are listed only when that status is asked for.
    /// </remarks>
    public async Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(SessionListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0)
        {
            return [];
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var statuses = query.Status is null ? ListedStatuses : [query.Status];
        var pages = await Task.WhenAll(statuses.Select(status => QueryStatusAsync(status, query, cancellationToken))).ConfigureAwait(false);
        return [.. pages.SelectMany(page => page)
            .Select(HeaderItemCodec.Decode)
            .OrderByDescending(header => header.UpdatedAt)
            .ThenBy(header => header.SessionId, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    /// <inheritdoc />
    /// <remarks>One conditional UpdateItem: only the members set in <paramref name="metadata"/> are written.</remarks>
    public async Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(metadata);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var update = new UpdateExpressionBuilder()
            .Set(DynamoDbTableSchema.StatusIndexSortKey, S(Iso(now)))
            .Name("#pk", DynamoDbTableSchema.PartitionKey);
        if (ExpiresAt(now) is { } ttl)
        {
            update.Set(DynamoDbTableSchema.TtlAttribute, N(ttl));
        }

        HeaderItemCodec.AddMetadata(update, metadata);
        try
        {
            await _client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = Table,
                    Key = Key(sessionId, DynamoDbTableSchema.HeaderSortKey),
                    UpdateExpression = update.Expression,
                    ConditionExpression = "attribute_exists(#pk)",
                    ExpressionAttributeNames = update.Names,
                    ExpressionAttributeValues = update.Values,
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>Deletes every item of the session's partition (BatchWriteItem), the header last.</remarks>
    public async Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var keys = await QueryAllAsync(
            new QueryRequest
            {
                TableName = Table,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk",
                ProjectionExpression = "#pk, #sk",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTableSchema.PartitionKey, ["#sk"] = DynamoDbTableSchema.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = S(sessionId) },
            },
            int.MaxValue,
            cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return false;
        }

        var ordered = keys.OrderBy(k => GetS(k, DynamoDbTableSchema.SortKey) == DynamoDbTableSchema.HeaderSortKey).ToList();
        foreach (var batch in ordered.Chunk(25))
        {
            IDictionary<string, List<WriteRequest>> pending = new Dictionary<string, List<WriteRequest>>
            {
                [Table] = [.. batch.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } })],
            };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new(pending) }, cancellationToken).ConfigureAwait(false);
                pending = response.UnprocessedItems ?? new Dictionary<string, List<WriteRequest>>();
                if (pending.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 20 << Math.Min(attempt, 6))), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return true;
    }

    private Task<List<Dictionary<string, AttributeValue>>> QueryStatusAsync(string status, SessionListQuery query, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = Table,
            IndexName = DynamoDbTableSchema.StatusIndexName,
            ScanIndexForward = false,
            Limit = query.Limit,
            KeyConditionExpression = query.UpdatedSince is null ? "#status = :status" : "#status = :status AND #updated >= :since",
            ExpressionAttributeNames = new() { ["#status"] = DynamoDbTableSchema.StatusIndexPartitionKey },
            ExpressionAttributeValues = new() { [":status"] = S(status) },
        };
        if (query.UpdatedSince is { } since)
        {
            request.ExpressionAttributeNames["#updated"] = DynamoDbTableSchema.StatusIndexSortKey;
            request.ExpressionAttributeValues[":since"] = S(Iso(since));
        }

        return QueryAllAsync(request, query.Limit, cancellationToken);
    }
}
