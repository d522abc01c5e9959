using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Approval requests: one item each, replaced by conditional puts on its <c>version</c>.</summary>
public sealed partial class DynamoDbControlStore : IApprovalStore
{
    /// <inheritdoc />
    public async Task<ApprovalRequest> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = request with { Version = 1 };
        try
        {
            await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = ControlTable,
                    Item = ApprovalItem(stored),
                    ConditionExpression = "attribute_not_exists(pk)",
                },
                cancellationToken).ConfigureAwait(false);
            return stored;
        }
        catch (ConditionalCheckFailedException)
        {
            return await GetAsync(request.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Approval request {request.Id} vanished while it was created.");
        }
    }

    /// <inheritdoc />
    public async Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = ControlTable, Key = ControlKey(DynamoDbControlSchema.ApprovalPartition(requestId), DynamoDbControlSchema.ApprovalSortKey), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return IsFound(response.Item) ? DecodeApproval(response.Item) : null;
    }

    /// <inheritdoc />
    /// <remarks>A Query of the <c>ByCreated</c> index, newest first, filtered by status and session (eventually consistent).</remarks>
    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var list = new List<ApprovalRequest>();
        if (query.Limit <= 0)
        {
            return list;
        }

        var filters = new List<string>();
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":kind"] = S(DynamoDbControlSchema.ApprovalIndexValue) };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (query.Status is { } status)
        {
            filters.Add("#status = :status");
            names["#status"] = "status";
            values[":status"] = S(StatusName(status));
        }

        if (query.SessionId is { } session)
        {
            filters.Add("sessionId = :session");
            values[":session"] = S(session);
        }

        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await _client.QueryAsync(
                new QueryRequest
                {
                    TableName = ControlTable,
                    IndexName = DynamoDbControlSchema.CreatedIndexName,
                    KeyConditionExpression = "gsi1pk = :kind",
                    FilterExpression = filters.Count == 0 ? null : string.Join(" AND ", filters),
                    ExpressionAttributeNames = names.Count == 0 ? null : names,
                    ExpressionAttributeValues = values,
                    ScanIndexForward = false,
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                list.Add(DecodeApproval(item));
                if (list.Count == query.Limit)
                {
                    return list;
                }
            }

            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return list;
    }

    /// <inheritdoc />
    public async Task<bool> TryReplaceAsync(ApprovalRequest updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        try
        {
            await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = ControlTable,
                    Item = ApprovalItem(updated),
                    ConditionExpression = "version = :previous",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":previous"] = N(updated.Version - 1) },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> ApprovalItem(ApprovalRequest request) => new(StringComparer.Ordinal)
    {
        [DynamoDbControlSchema.PartitionKey] = S(DynamoDbControlSchema.ApprovalPartition(request.Id)),
        [DynamoDbControlSchema.SortKey] = S(DynamoDbControlSchema.ApprovalSortKey),
        [DynamoDbControlSchema.CreatedIndexPartitionKey] = S(DynamoDbControlSchema.ApprovalIndexValue),
        [DynamoDbControlSchema.CreatedIndexSortKey] = S(Iso(request.CreatedAt) + "#" + request.Id),
        ["sessionId"] = S(request.SessionId),
        ["status"] = S(StatusName(request.Status)),
        ["version"] = N(request.Version),
        ["body"] = S(JsonSerializer.Serialize(request, ControlJsonContext.Default.ApprovalRequest)),
    };

    private static ApprovalRequest DecodeApproval(Dictionary<string, AttributeValue> item)
    {
        var request = JsonSerializer.Deserialize(GetRequiredS(item, "body"), ControlJsonContext.Default.ApprovalRequest)
            ?? throw new InvalidDataException("A stored approval request is empty.");
        return request with { Version = GetN(item, "version") ?? request.Version };
    }

    private static Dictionary<string, AttributeValue> ControlKey(string partition, string sort) => new(StringComparer.Ordinal)
    {
        [DynamoDbControlSchema.PartitionKey] = S(partition),
        [DynamoDbControlSchema.SortKey] = S(sort),
    };

    private static string StatusName(ApprovalStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);
}
