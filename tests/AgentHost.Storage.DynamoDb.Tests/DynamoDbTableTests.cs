using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>Table schema, TTL and the status GSI.</summary>
public sealed class DynamoDbTableTests(DynamoDbLocalFixture dynamo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTableIfMissingAsync_NewTable_CreatesExactSchemaOnceAsync()
    {
        using var client = dynamo.CreateClient();
        var table = DynamoDbLocalFixture.NewTableName();
        var initializer = new DynamoDbTableInitializer(client);

        Assert.True(await initializer.CreateTableIfMissingAsync(table, cancellationToken: Ct));
        Assert.False(await initializer.CreateTableIfMissingAsync(table, cancellationToken: Ct));

        var description = (await client.DescribeTableAsync(table, Ct)).Table;
        Assert.Equal(["pk:HASH", "sk:RANGE"], description.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType}"));
        var index = Assert.Single(description.GlobalSecondaryIndexes);
        Assert.Equal("BySessionStatus", index.IndexName);
        Assert.Equal(["gsi1pk:HASH", "updatedAt:RANGE"], index.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType}"));
        Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType);
        var ttl = (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, Ct)).TimeToLiveDescription;
        Assert.Equal("expiresAt", ttl.AttributeName);
        Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
    }

    [Fact]
    public async Task AppendTurnAsync_CreateTableIfMissing_CreatesTheTableOnFirstUseAsync()
    {
        using var client = dynamo.CreateClient();
        var options = dynamo.Options(DynamoDbLocalFixture.NewTableName());
        options.CreateTableIfMissing = true;
        var store = new DynamoDbConversationStore(client, options);
        var session = NewSessionId();

        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: Ct);

        Assert.Equal(1, (await store.LoadAsync(session, 1, Ct)).Header?.TurnCount);
    }

    [Fact]
    public async Task AppendTurnAsync_TtlThirtyDays_SetsExpiresAtOnEveryItemAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo, ttlDays: 30);
        var session = NewSessionId();
        var expected = context.Clock.GetUtcNow().AddDays(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        await context.Store.AppendTurnAsync(Turn(session, 1, "ttl-turn"), cancellationToken: Ct);

        foreach (var key in new[] { "SESSION", "TURN#000000000001", "TURNID#ttl-turn" })
        {
            Assert.Equal(expected, (await context.GetItemAsync(session, key))?["expiresAt"].N);
        }
    }

    [Fact]
    public async Task AppendTurnAsync_TtlDisabled_WritesNoExpiresAtAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo, ttlDays: 0);
        var session = NewSessionId();

        await context.Store.AppendTurnAsync(Turn(session, 1), cancellationToken: Ct);

        Assert.False((await context.GetItemAsync(session, "SESSION"))?.ContainsKey("expiresAt"));
        Assert.False((await context.GetItemAsync(session, "TURN#000000000001"))?.ContainsKey("expiresAt"));
    }

    [Fact]
    public async Task ListSessionsAsync_ByStatus_QueriesTheIndexWhichHoldsOnlyHeadersAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var sessions = Enumerable.Range(0, 3).Select(_ => NewSessionId()).ToList();
        foreach (var session in sessions)
        {
            await context.Store.AppendTurnAsync(Turn(session, 1), new SessionMetadata { Channel = "CHAT" }, Ct);
            await context.Store.AppendTurnAsync(Turn(session, 2), cancellationToken: Ct);
            context.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await context.Store.UpdateMetadataAsync(sessions[1], new SessionMetadata { Status = SessionStatuses.Escalated }, Ct);
        context.Counter.Handler.Reset();

        var escalated = await context.Store.ListSessionsAsync(new SessionListQuery { Status = SessionStatuses.Escalated }, Ct);

        Assert.Equal(sessions[1], Assert.Single(escalated).SessionId);
        Assert.Equal("CHAT", escalated[0].Metadata.Channel);
        Assert.Equal(1, context.Counter.Handler.Operations["Query"]);
        var indexed = await context.Client.QueryAsync(
            new QueryRequest
            {
                TableName = context.Table,
                IndexName = "BySessionStatus",
                KeyConditionExpression = "gsi1pk = :s",
                ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = SessionStatuses.Active } },
            },
            Ct);
        Assert.Equal(2, indexed.Items.Count);
        Assert.All(indexed.Items, item => Assert.Equal("SESSION", item["sk"].S));
    }
}
