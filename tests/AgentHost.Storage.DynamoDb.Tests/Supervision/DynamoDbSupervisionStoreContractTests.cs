using AgentHost.Abstractions.Supervision;
using AgentHost.Testing.Supervision;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace AgentHost.Storage.DynamoDb.Tests.Supervision;

/// <summary>The supervision-store contract on DynamoDB Local; the second instance (its own client, no shared cache) acts as another process.</summary>
public sealed class DynamoDbSupervisionStoreContractTests(DynamoDbLocalFixture dynamo) : SupervisionStoreContractTests
{
    private readonly List<AmazonDynamoDBClient> _clients = [];
    private DynamoDbSupervisionStoreOptions? _options;

    protected override async Task<(IActivityFeed Feed, IGuidanceStore Guidance)> CreateStoresAsync()
    {
        var client = NewClient();
        _options = new DynamoDbSupervisionStoreOptions { TableName = DynamoDbLocalFixture.NewTableName() + "-supervisor" };
        await new DynamoDbSupervisionTableInitializer(client).CreateTableIfMissingAsync(_options.TableName, TestContext.Current.CancellationToken);
        var store = new DynamoDbSupervisionStore(client, _options);
        return (store, store);
    }

    protected override Task<(IActivityFeed Feed, IGuidanceStore Guidance)?> OpenSecondAsync()
    {
        var store = new DynamoDbSupervisionStore(NewClient(), _options!);
        return Task.FromResult<(IActivityFeed, IGuidanceStore)?>((store, store));
    }

    protected override async ValueTask DisposeStoresAsync()
    {
        if (_options is not null)
        {
            await _clients[0].DeleteTableAsync(_options.TableName, CancellationToken.None);
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task AppendAsync_AnotherWriterAppendedSinceTheLastBatch_NumbersAfterItsEventsAsync()
    {
        var other = (await OpenSecondAsync())!.Value.Feed;
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        ActivityEvent Event() => new() { SessionId = "s", Kind = ActivityKinds.Message, At = at };

        await Feed.AppendAsync("s", [Event()], new LiveSessionUpdate { TurnsStarted = 1 }, TestContext.Current.CancellationToken);
        await other.AppendAsync("s", [Event(), Event()], new LiveSessionUpdate { AddFlags = ["x"] }, TestContext.Current.CancellationToken);
        var third = await Feed.AppendAsync("s", [Event()], new LiveSessionUpdate(), TestContext.Current.CancellationToken);

        Assert.Equal(4, third.Single().Sequence);
        var live = await Feed.GetSessionAsync("s", TestContext.Current.CancellationToken);
        Assert.Equal(["x"], live!.Flags);
        Assert.Equal(1, live.Turns);
    }

    [Fact]
    public async Task AppendAsync_BatchLargerThanOneItem_IsSplitIntoChunksAndReadsBackFromAnyCursorAsync()
    {
        var store = new DynamoDbSupervisionStore(NewClient(), new DynamoDbSupervisionStoreOptions { TableName = _options!.TableName, MaxChunkBytes = 2_048 });
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 40).Select(i => new ActivityEvent { SessionId = "big", Kind = ActivityKinds.Message, At = at.AddSeconds(i), Text = new string('x', 200) + i }).ToList();

        await store.AppendAsync("big", events, new LiveSessionUpdate(), TestContext.Current.CancellationToken);

        var items = await _clients[0].QueryAsync(
            new QueryRequest
            {
                TableName = _options.TableName,
                KeyConditionExpression = "pk = :pk AND begins_with(sk, :event)",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "SESSION#big" }, [":event"] = new AttributeValue { S = "EVENT#" } },
            },
            TestContext.Current.CancellationToken);
        Assert.True(items.Items.Count > 2);
        Assert.All(items.Items, item => Assert.True(long.Parse(item["expiresAt"].N, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var fromMiddle = await store.ReadAsync("big", 17, 5, TestContext.Current.CancellationToken);
        Assert.Equal([18L, 19, 20, 21, 22], fromMiddle.Select(e => e.Sequence));
        Assert.EndsWith("17", fromMiddle[0].Text!);
        Assert.Equal(40, (await store.ReadAsync("big", 0, 100, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(1, store.BatchWrites);
    }

    [Fact]
    public async Task AppendAsync_ResponseLostAfterTheWriteApplied_SdkRetryStoresTheBatchOnceAsync()
    {
        var counter = new CountingHttpClientFactory();
        var client = dynamo.CreateClient(counter);
        _clients.Add(client);
        var store = new DynamoDbSupervisionStore(client, _options!);
        var failures = 0;
        counter.Handler.FailAfterSend = operation => operation == "TransactWriteItems" && Interlocked.Increment(ref failures) == 1;
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        ActivityEvent Event() => new() { SessionId = "lost", Kind = ActivityKinds.Message, At = at };

        var first = await store.AppendAsync("lost", [Event(), Event()], new LiveSessionUpdate { TurnsStarted = 1 }, TestContext.Current.CancellationToken);
        var second = await store.AppendAsync("lost", [Event()], new LiveSessionUpdate(), TestContext.Current.CancellationToken);

        Assert.True(counter.Handler.Operations["TransactWriteItems"] >= 3);
        Assert.Equal([1L, 2L], first.Select(e => e.Sequence));
        Assert.Equal(3, second.Single().Sequence);
        Assert.Equal([1L, 2L, 3L], (await Feed.ReadAsync("lost", 0, 100, TestContext.Current.CancellationToken)).Select(e => e.Sequence));
        var live = await Feed.GetSessionAsync("lost", TestContext.Current.CancellationToken);
        Assert.Equal(1, live!.Turns);
    }

    [Fact]
    public void BuildTableRequest_SupervisionTable_HasTheDocumentedKeysAndIndexes()
    {
        var request = DynamoDbSupervisionTableInitializer.BuildTableRequest("t-supervisor");

        Assert.Equal(["pk", "sk"], request.KeySchema.Select(k => k.AttributeName));
        Assert.Equal([DynamoDbSupervisionSchema.ActivityIndexName, DynamoDbSupervisionSchema.ContactIndexName], request.GlobalSecondaryIndexes.Select(i => i.IndexName));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
    }

    [Fact]
    public void ForConversationTable_NoExplicitName_AppendsSupervisor()
    {
        Assert.Equal("chat-supervisor", DynamoDbSupervisionStoreOptions.ForConversationTable("chat").TableName);
        Assert.Equal("mine", DynamoDbSupervisionStoreOptions.ForConversationTable("chat", " mine ").TableName);
    }

    private AmazonDynamoDBClient NewClient()
    {
        var client = dynamo.CreateClient();
        _clients.Add(client);
        return client;
    }
}
