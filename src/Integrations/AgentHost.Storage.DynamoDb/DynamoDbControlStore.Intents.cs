using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Tool intents: a conditional put of a new item, then one conditional update that adds the outcome.</summary>
public sealed partial class DynamoDbControlStore : IToolIntentStore
{
    /// <inheritdoc />
    public async Task<ToolIntentBeginResult> BeginAsync(ToolIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var stored = intent with { Outcome = null };
        var item = IntentKey(stored.Key);
        item["scope"] = S(stored.Key.Scope);
        item["toolName"] = S(stored.Key.ToolName);
        item["argumentsHash"] = S(stored.Key.ArgumentsHash);
        item["occurrence"] = N(stored.Key.Occurrence);
        item["turnId"] = S(stored.TurnId);
        item["callId"] = S(stored.CallId);
        item["createdAt"] = S(Iso(stored.CreatedAt));
        if (_options.IntentTtlDays > 0)
        {
            item[DynamoDbControlSchema.TtlAttribute] = N(_time.GetUtcNow().AddDays(_options.IntentTtlDays).ToUnixTimeSeconds());
        }

        try
        {
            await _client.PutItemAsync(new PutItemRequest { TableName = ControlTable, Item = item, ConditionExpression = "attribute_not_exists(pk)" }, cancellationToken).ConfigureAwait(false);
            return new ToolIntentBeginResult(true, stored);
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await GetAsync(stored.Key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A conflicting tool intent vanished.");
            return new ToolIntentBeginResult(false, existing);
        }
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(ToolIntentKey key, ToolIntentOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(outcome);
        try
        {
            await _client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = ControlTable,
                    Key = IntentKey(key),
                    UpdateExpression = "SET outcome = :outcome",
                    ConditionExpression = "attribute_exists(pk) AND attribute_not_exists(outcome)",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":outcome"] = S(JsonSerializer.Serialize(outcome, ControlJsonContext.Default.ToolIntentOutcome)),
                    },
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
    public async Task<ToolIntent?> GetAsync(ToolIntentKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var response = await _client.GetItemAsync(new GetItemRequest { TableName = ControlTable, Key = IntentKey(key), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        if (!IsFound(response.Item))
        {
            return null;
        }

        var item = response.Item;
        return new ToolIntent
        {
            Key = key,
            TurnId = GetRequiredS(item, "turnId"),
            CallId = GetRequiredS(item, "callId"),
            CreatedAt = ParseIso(GetRequiredS(item, "createdAt")),
            Outcome = GetS(item, "outcome") is { } outcome ? JsonSerializer.Deserialize(outcome, ControlJsonContext.Default.ToolIntentOutcome) : null,
        };
    }

    private static Dictionary<string, AttributeValue> IntentKey(ToolIntentKey key) =>
        ControlKey(DynamoDbControlSchema.IntentPartition(key.SessionId), DynamoDbControlSchema.IntentSortKey(key));
}
