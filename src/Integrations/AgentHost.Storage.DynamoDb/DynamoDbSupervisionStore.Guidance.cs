using System.Text.Json;
using AgentHost.Abstractions.Supervision;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// Supervisor guidance: one item per instruction in its session's partition; consuming it is a conditional UpdateItem, so
/// of any number of hosts racing for one guidance exactly one succeeds. Guidance text is stored, never logged.
/// </summary>
public sealed partial class DynamoDbSupervisionStore : IGuidanceStore
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Guidance with this id already exists in the session.</exception>
    public async Task AddAsync(SupervisorGuidance guidance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentException.ThrowIfNullOrEmpty(guidance.Id);
        ArgumentException.ThrowIfNullOrEmpty(guidance.SessionId);
        var item = ItemKey(guidance.SessionId, DynamoDbSupervisionSchema.GuidanceSortKey(guidance.Id));
        item["guidance"] = S(JsonSerializer.Serialize(guidance with { ConsumedAt = null, ConsumedByTurn = null }, SupervisionJsonContext.Default.SupervisorGuidance));
        item["createdAt"] = S(Iso(guidance.CreatedAt));
        item[DynamoDbSupervisionSchema.TtlAttribute] = ExpiresAt();
        try
        {
            await _client.PutItemAsync(new PutItemRequest { TableName = TableName, Item = item, ConditionExpression = "attribute_not_exists(pk)" }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException error)
        {
            throw new InvalidOperationException($"Guidance {guidance.Id} already exists.", error);
        }
    }

    /// <inheritdoc />
    /// <remarks>One strongly consistent Query of the session's guidance items, filtered to those not consumed.</remarks>
    public Task<IReadOnlyList<SupervisorGuidance>> GetPendingAsync(string sessionId, CancellationToken cancellationToken = default) =>
        QueryGuidanceAsync(sessionId, pendingOnly: true, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SupervisorGuidance>> ListAsync(string sessionId, CancellationToken cancellationToken = default) =>
        QueryGuidanceAsync(sessionId, pendingOnly: false, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryConsumeAsync(string sessionId, string guidanceId, string turnId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(guidanceId);
        ArgumentException.ThrowIfNullOrEmpty(turnId);
        try
        {
            await _client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = ItemKey(sessionId, DynamoDbSupervisionSchema.GuidanceSortKey(guidanceId)),
                    UpdateExpression = "SET consumedAt = :at, consumedByTurn = :turn",
                    ConditionExpression = "attribute_exists(pk) AND attribute_not_exists(consumedAt)",
                    ExpressionAttributeValues = Values((":at", S(Iso(at))), (":turn", S(turnId))),
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<SupervisorGuidance>> QueryGuidanceAsync(string sessionId, bool pendingOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var request = new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = Values((":pk", S(DynamoDbSupervisionSchema.SessionPartition(sessionId))), (":prefix", S(DynamoDbSupervisionSchema.GuidancePrefix))),
            FilterExpression = pendingOnly ? "attribute_not_exists(consumedAt)" : null,
            ConsistentRead = true,
        };
        var list = new List<SupervisorGuidance>();
        do
        {
            var response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                list.Add(DecodeGuidance(item));
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        // Keys sort by id; guidance is read oldest first.
        return [.. list.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id, StringComparer.Ordinal)];
    }

    private static SupervisorGuidance DecodeGuidance(Dictionary<string, AttributeValue> item)
    {
        var guidance = JsonSerializer.Deserialize(GetRequiredS(item, "guidance"), SupervisionJsonContext.Default.SupervisorGuidance)
            ?? throw new InvalidDataException("A stored guidance item is empty.");
        return GetS(item, "consumedAt") is { } consumedAt
            ? guidance with { ConsumedAt = ParseIso(consumedAt), ConsumedByTurn = GetS(item, "consumedByTurn") }
            : guidance;
    }
}
