using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Reading the whole history.</summary>
public sealed partial class DynamoDbConversationStore
{
    /// <inheritdoc />
    /// <remarks>Queries the turn items oldest first, page by page; an oversized turn is reassembled from its chunk items (full contents).</remarks>
    public async IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var request = new QueryRequest
        {
            TableName = Table,
            ConsistentRead = true,
            ScanIndexForward = true,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :from AND :to",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoDbTableSchema.PartitionKey, ["#sk"] = DynamoDbTableSchema.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(sessionId),
                [":from"] = S(DynamoDbTableSchema.TurnSortKey(Math.Max(1, fromSequence))),
                [":to"] = S(DynamoDbTableSchema.TurnSortKey(999_999_999_999)),
            },
        };
        while (true)
        {
            var response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                yield return await DecodeFullAsync(item, cancellationToken).ConfigureAwait(false);
            }

            if (response.LastEvaluatedKey is not { Count: > 0 })
            {
                yield break;
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
    }
}
