using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>A turn is written whole or not at all, also when the process dies around the write.</summary>
public sealed class DynamoDbAtomicityTests(DynamoDbLocalFixture dynamo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendTurnAsync_CrashBeforeTheWriteReachedDynamoDb_StoresNothingAndRetryAppendsAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo, maxErrorRetry: 0);
        var session = NewSessionId();
        var turn = Turn(session, 1, "turn-x");
        context.Counter.Handler.FailBeforeSend = operation => operation == "TransactWriteItems";

        await Assert.ThrowsAnyAsync<Exception>(() => context.Store.AppendTurnAsync(turn, cancellationToken: Ct));

        Assert.Empty(await context.SortKeysAsync(session));
        context.Counter.Handler.FailBeforeSend = null;
        Assert.Equal(AppendOutcome.Appended, (await context.Store.AppendTurnAsync(turn, cancellationToken: Ct)).Outcome);
    }

    [Fact]
    public async Task AppendTurnAsync_CrashAfterDynamoDbAppliedTheWrite_RetryReturnsTheStoredTurnAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo, maxErrorRetry: 0);
        var session = NewSessionId();
        var turn = Turn(session, 1, "turn-y");
        context.Counter.Handler.FailAfterSend = operation => operation == "TransactWriteItems";

        await Assert.ThrowsAnyAsync<Exception>(() => context.Store.AppendTurnAsync(turn, cancellationToken: Ct));

        context.Counter.Handler.FailAfterSend = null;
        var retry = await context.Store.AppendTurnAsync(turn, cancellationToken: Ct);
        Assert.Equal(AppendOutcome.Duplicate, retry.Outcome);
        AssertSameTurn(turn, retry.Turn);
        Assert.Equal(3, (await context.SortKeysAsync(session)).Count);
    }

    [Fact]
    public async Task AppendTurnAsync_HeaderConditionFails_LeavesNoTurnOrIdempotencyItemAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        await context.Store.AppendTurnAsync(Turn(session, 1), cancellationToken: Ct);

        // Turn 3's item and idempotency item would each be writable on their own; the header condition (turnCount = 2) fails.
        await Assert.ThrowsAsync<ConversationConflictException>(() => context.Store.AppendTurnAsync(Turn(session, 3, "stale-writer"), cancellationToken: Ct));

        Assert.Null(await context.GetItemAsync(session, "TURN#000000000003"));
        Assert.Null(await context.GetItemAsync(session, "TURNID#stale-writer"));
        Assert.Equal("1", (await context.GetItemAsync(session, "SESSION"))?["turnCount"].N);
    }

    [Fact]
    public async Task TransactWriteItems_LastOfThreeWritesFailsItsCondition_NoneIsAppliedAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        await context.Store.AppendTurnAsync(Turn(session, 1), cancellationToken: Ct);
        AttributeValue S(string value) => new() { S = value };

        var error = await Assert.ThrowsAsync<TransactionCanceledException>(() => context.Client.TransactWriteItemsAsync(
            new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Put = new Put { TableName = context.Table, Item = new() { ["pk"] = S(session), ["sk"] = S("TURN#000000000002"), ["msg"] = S("[]") } } },
                    new() { Put = new Put { TableName = context.Table, Item = new() { ["pk"] = S(session), ["sk"] = S("TURNID#half-written") } } },
                    new()
                    {
                        Update = new Update
                        {
                            TableName = context.Table,
                            Key = new() { ["pk"] = S(session), ["sk"] = S("SESSION") },
                            UpdateExpression = "SET turnCount = :two",
                            ConditionExpression = "turnCount = :five",
                            ExpressionAttributeValues = new() { [":two"] = new AttributeValue { N = "2" }, [":five"] = new AttributeValue { N = "5" } },
                        },
                    },
                ],
            },
            Ct));

        Assert.Equal("ConditionalCheckFailed", error.CancellationReasons[2].Code);
        Assert.Equal(["SESSION", "TURN#000000000001"], (await context.SortKeysAsync(session)).Where(k => !k.StartsWith("TURNID#", StringComparison.Ordinal)));
        Assert.Null(await context.GetItemAsync(session, "TURNID#half-written"));
    }
}
