using AgentHost.Testing.Storage;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>A store on a fresh table, with its raw client, request counter and clock.</summary>
public sealed class DynamoDbTestContext : IDisposable
{
    private DynamoDbTestContext(AmazonDynamoDBClient client, string table, DynamoDbConversationStore store, CountingHttpClientFactory counter, StoreTestClock clock)
    {
        Client = client;
        Table = table;
        Store = store;
        Counter = counter;
        Clock = clock;
    }

    public AmazonDynamoDBClient Client { get; }

    public string Table { get; }

    public DynamoDbConversationStore Store { get; }

    public CountingHttpClientFactory Counter { get; }

    public StoreTestClock Clock { get; }

    public static async Task<DynamoDbTestContext> CreateAsync(DynamoDbLocalFixture dynamo, int ttlDays = 30, int? maxErrorRetry = null)
    {
        var counter = new CountingHttpClientFactory();
        var client = dynamo.CreateClient(counter, maxErrorRetry);
        var table = await dynamo.CreateTableAsync(client);
        var clock = new StoreTestClock();
        var store = new DynamoDbConversationStore(client, dynamo.Options(table, ttlDays), clock);
        counter.Handler.Reset();
        return new DynamoDbTestContext(client, table, store, counter, clock);
    }

    /// <summary>The sort keys of every item of a session's partition.</summary>
    public async Task<List<string>> SortKeysAsync(string sessionId)
    {
        var response = await Client.QueryAsync(
            new QueryRequest
            {
                TableName = Table,
                ConsistentRead = true,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = sessionId } },
            },
            TestContext.Current.CancellationToken);
        return [.. (response.Items ?? []).Select(item => item["sk"].S)];
    }

    public async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string sessionId, string sortKey)
    {
        var response = await Client.GetItemAsync(
            new GetItemRequest
            {
                TableName = Table,
                ConsistentRead = true,
                Key = new() { ["pk"] = new AttributeValue { S = sessionId }, ["sk"] = new AttributeValue { S = sortKey } },
            },
            TestContext.Current.CancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public void Dispose() => Client.Dispose();
}
