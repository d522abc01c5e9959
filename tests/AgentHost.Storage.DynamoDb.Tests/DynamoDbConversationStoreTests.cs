using AgentHost.Abstractions.Conversations;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>DynamoDB-specific behaviour: long sessions, racing turns, idempotent retries, requests per turn.</summary>
public sealed class DynamoDbConversationStoreTests(DynamoDbLocalFixture dynamo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendTurnAsync_ThousandTurns_OneRequestPerTurnAndLoadReadsOnlyTheWindowAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        for (var sequence = 1; sequence <= 1000; sequence++)
        {
            await context.Store.AppendTurnAsync(Turn(session, sequence), cancellationToken: Ct);
        }

        Assert.Equal(1000, context.Counter.Handler.Requests);
        Assert.Equal(1000, context.Counter.Handler.Operations["TransactWriteItems"]);
        context.Counter.Handler.Reset();

        var snapshot = await context.Store.LoadAsync(session, 20, Ct);

        Assert.Equal(2, context.Counter.Handler.Requests);
        Assert.Equal(1, context.Counter.Handler.Operations["GetItem"]);
        Assert.Equal(1, context.Counter.Handler.Operations["Query"]);
        Assert.Equal(1000, snapshot.Header?.TurnCount);
        Assert.Equal(Enumerable.Range(981, 20).Select(i => (long)i), snapshot.RecentTurns.Select(t => t.Sequence));
        var all = await ReadAllAsync(context.Store, session);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), all.Select(t => t.Sequence));
    }

    [Fact]
    public async Task AppendTurnAsync_SixteenTasksRacingOnOneSession_NoTurnLostOrDuplicatedAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        var conflicts = 0;
        var writers = Enumerable.Range(0, 16).Select(task => Task.Run(async () =>
        {
            for (var n = 0; n < 6; n++)
            {
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 1000, "A turn lost the race 1000 times in a row.");
                    var next = (await context.Store.LoadAsync(session, 0, Ct)).NextSequence;
                    try
                    {
                        await context.Store.AppendTurnAsync(Turn(session, next, $"t{task}-{n}"), cancellationToken: Ct);
                        break;
                    }
                    catch (ConversationConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })).ToList();

        await Task.WhenAll(writers);

        var stored = await ReadAllAsync(context.Store, session);
        Assert.Equal(Enumerable.Range(1, 96).Select(i => (long)i), stored.Select(t => t.Sequence));
        Assert.Equal(96, stored.Select(t => t.TurnId).Distinct().Count());
        var keys = await context.SortKeysAsync(session);
        Assert.Equal(96, keys.Count(k => k.StartsWith("TURNID#", StringComparison.Ordinal)));
        Assert.Equal(96, keys.Count(k => k.StartsWith("TURN#", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AppendTurnAsync_RetriedTurnId_ReturnsStoredTurnAndWritesNothingAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        var turn = Turn(session, 1, "invocation-7");
        await context.Store.AppendTurnAsync(turn, cancellationToken: Ct);

        var retry = await context.Store.AppendTurnAsync(Turn(session, 1, "invocation-7", "the same request, sent again"), cancellationToken: Ct);

        Assert.Equal(AppendOutcome.Duplicate, retry.Outcome);
        AssertSameTurn(turn, retry.Turn);
        Assert.Equal(["SESSION", "TURN#000000000001", "TURNID#invocation-7"], (await context.SortKeysAsync(session)).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await context.Store.LoadAsync(session, 5, Ct)).Header?.TurnCount);
    }

    [Fact]
    public void Options_FromEnvironmentWithoutTable_ReturnsNull()
    {
        Assert.Null(DynamoDbConversationStoreOptions.FromEnvironment(_ => null));
    }

    [Fact]
    public void Options_FromEnvironment_ReadsEveryVariable()
    {
        var variables = new Dictionary<string, string>
        {
            ["AGENTHOST_DYNAMODB_TABLE"] = "conversations",
            ["AGENTHOST_DYNAMODB_TTL_DAYS"] = "7",
            ["AGENTHOST_DYNAMODB_CREATE_TABLE"] = "true",
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000",
        };

        var options = DynamoDbConversationStoreOptions.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.NotNull(options);
        Assert.Equal("conversations", options.TableName);
        Assert.Equal(7, options.TtlDays);
        Assert.True(options.CreateTableIfMissing);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:8000"), options.ServiceUrl);
    }

    [Fact]
    public void Options_FromEnvironmentDefaults_ThirtyDaysAndGenericEndpoint()
    {
        var variables = new Dictionary<string, string> { ["AGENTHOST_DYNAMODB_TABLE"] = "t", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9" };

        var options = DynamoDbConversationStoreOptions.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(30, options?.TtlDays);
        Assert.False(options?.CreateTableIfMissing);
        Assert.Equal(new Uri("http://127.0.0.1:9"), options?.ServiceUrl);
    }

    [Theory]
    [InlineData("AGENTHOST_DYNAMODB_TTL_DAYS", "thirty")]
    [InlineData("AGENTHOST_DYNAMODB_TTL_DAYS", "-1")]
    [InlineData("AGENTHOST_DYNAMODB_CREATE_TABLE", "maybe")]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB", "not a url")]
    public void Options_FromEnvironmentInvalidValue_ThrowsFormatException(string name, string value)
    {
        var variables = new Dictionary<string, string> { ["AGENTHOST_DYNAMODB_TABLE"] = "t", [name] = value };

        Assert.Throws<FormatException>(() => DynamoDbConversationStoreOptions.FromEnvironment(n => variables.GetValueOrDefault(n)));
    }
}
