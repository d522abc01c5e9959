using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// Audit chains: each append is one TransactWriteItems call — a put of each new record in the audit table (condition: the
/// key does not exist) and a put of the session's head in the control table (condition: it is at the previous sequence
/// number); several records of one session (<see cref="TryAppendManyAsync"/>) share the call. The audit table is never updated or deleted by this code.
/// </summary>
public sealed partial class DynamoDbControlStore : IAuditStore, IAuditBatchStore
{
    /// <summary>The most records one append writes: a transaction holds 100 items, one of them the session's head.</summary>
    public const int MaxRecordsPerAppend = 99;

    /// <inheritdoc />
    public async Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = ControlTable, Key = ControlKey(DynamoDbControlSchema.HeadPartition(sessionId), DynamoDbControlSchema.HeadSortKey), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return IsFound(response.Item) ? new AuditHead(sessionId, GetN(response.Item, "seq") ?? 0, GetRequiredS(response.Item, "hash")) : null;
    }

    /// <inheritdoc />
    public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return TryAppendManyAsync([record], cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One TransactWriteItems call: a conditional put of each record (at most <see cref="MaxRecordsPerAppend"/>) and one of the
    /// session's head at the last record, conditional on the head being at the first record's previous sequence number.
    /// </remarks>
    public async Task<bool> TryAppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return true;
        }

        if (records.Count > MaxRecordsPerAppend)
        {
            throw new ArgumentException($"At most {MaxRecordsPerAppend} audit records can be appended in one write (a DynamoDB transaction holds 100 items).", nameof(records));
        }

        var first = records[0];
        var last = records[^1];
        for (var i = 1; i < records.Count; i++)
        {
            if (!string.Equals(records[i].SessionId, first.SessionId, StringComparison.Ordinal) || records[i].Sequence != records[i - 1].Sequence + 1)
            {
                throw new ArgumentException("The records must be one session's, with consecutive sequence numbers.", nameof(records));
            }
        }

        var head = ControlKey(DynamoDbControlSchema.HeadPartition(first.SessionId), DynamoDbControlSchema.HeadSortKey);
        head["seq"] = N(last.Sequence);
        head["hash"] = S(last.Hash);
        var headPut = new Put { TableName = ControlTable, Item = head };
        if (first.Sequence == 1)
        {
            headPut.ConditionExpression = "attribute_not_exists(pk)";
        }
        else
        {
            headPut.ConditionExpression = "seq = :previous";
            headPut.ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":previous"] = N(first.Sequence - 1) };
        }

        var items = new List<TransactWriteItem>(records.Count + 1);
        foreach (var record in records)
        {
            items.Add(new TransactWriteItem { Put = new Put { TableName = AuditTable, Item = EncodeAuditItem(record), ConditionExpression = "attribute_not_exists(pk)" } });
        }

        items.Add(new TransactWriteItem { Put = headPut });
        var request = new TransactWriteItemsRequest { TransactItems = items };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TransactionCanceledException canceled)
            {
                var reasons = canceled.CancellationReasons ?? [];
                if (reasons.Any(r => r.Code == ConditionalCheckFailed))
                {
                    return false;
                }

                if (!reasons.Any(r => r.Code == TransactionConflict) || attempt > _options.TransactionConflictRetries)
                {
                    throw;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 10 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await _client.QueryAsync(
                new QueryRequest
                {
                    TableName = AuditTable,
                    KeyConditionExpression = "pk = :session AND sk >= :from",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":session"] = S(sessionId), [":from"] = N(fromSequence) },
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                yield return DecodeAuditItem(item);
            }

            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }

    /// <inheritdoc />
    /// <remarks>Scans the heads in the control table and the audit table's keys (an administrative operation: it reads whole tables).</remarks>
    public async IAsyncEnumerable<string> ListSessionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sessions = new SortedSet<string>(StringComparer.Ordinal);
        await ScanAsync(
            new ScanRequest
            {
                TableName = ControlTable,
                FilterExpression = "begins_with(pk, :head)",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":head"] = S("AUDITHEAD#") },
                ProjectionExpression = "pk",
            },
            item => sessions.Add(GetRequiredS(item, DynamoDbControlSchema.PartitionKey)["AUDITHEAD#".Length..]),
            cancellationToken).ConfigureAwait(false);
        await ScanAsync(
            new ScanRequest { TableName = AuditTable, ProjectionExpression = "pk" },
            item => sessions.Add(GetRequiredS(item, DynamoDbControlSchema.PartitionKey)),
            cancellationToken).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            yield return session;
        }
    }

    /// <summary>The audit item of a record: <c>pk</c> = session, <c>sk</c> = sequence, <c>record</c> = its JSON line.</summary>
    internal static Dictionary<string, AttributeValue> EncodeAuditItem(AuditRecord record) => new(StringComparer.Ordinal)
    {
        [DynamoDbControlSchema.PartitionKey] = S(record.SessionId),
        [DynamoDbControlSchema.SortKey] = N(record.Sequence),
        ["kind"] = S(record.Kind),
        ["at"] = S(Iso(record.At)),
        ["record"] = S(JsonSerializer.Serialize(record, ControlJsonContext.Default.AuditRecord)),
    };

    private static AuditRecord DecodeAuditItem(Dictionary<string, AttributeValue> item)
    {
        var record = JsonSerializer.Deserialize(GetRequiredS(item, "record"), ControlJsonContext.Default.AuditRecord)
            ?? throw new InvalidDataException("A stored audit record is empty.");
        var session = GetRequiredS(item, DynamoDbControlSchema.PartitionKey);
        var sequence = item.TryGetValue(DynamoDbControlSchema.SortKey, out var sk) && sk.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : record.Sequence;

        // The key is where the record is stored; verification compares it with the record's own members.
        return record.SessionId == session && record.Sequence == sequence ? record : record with { SessionId = session, Sequence = sequence };
    }

    private async Task ScanAsync(ScanRequest request, Action<Dictionary<string, AttributeValue>> each, CancellationToken cancellationToken)
    {
        do
        {
            var response = await _client.ScanAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                each(item);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }
}
