using AgentHost.Abstractions.Agents;
using AgentHost.Supervision;
using AgentHost.Testing.Supervision;

namespace AgentHost.Storage.DynamoDb.Tests.Supervision;

/// <summary>What the activity feed of a typical tool-using turn costs on DynamoDB (the README's figure).</summary>
public sealed class DynamoDbSupervisionWriteCostTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task TurnAsync_ToolUsingTurnsWithinOneFlushInterval_CostAtMostThreeBatchWritesEachAsync()
    {
        var counter = new CountingHttpClientFactory();
        using var client = dynamo.CreateClient(counter);
        var table = DynamoDbLocalFixture.NewTableName() + "-supervisor";
        await new DynamoDbSupervisionTableInitializer(client).CreateTableIfMissingAsync(table, TestContext.Current.CancellationToken);
        var store = new DynamoDbSupervisionStore(client, new DynamoDbSupervisionStoreOptions { TableName = table });
        await using var host = new SupervisedTestHost(store, store, options: new SupervisionOptions { FlushInterval = TimeSpan.FromHours(1) });
        counter.Handler.Reset();

        const int Turns = 3;
        for (var i = 0; i < Turns; i++)
        {
            host.Model.ThenToolCalls(SupervisedTestHost.Call("lookup")).ThenText("Your balance is 42.50.");
            var result = await host.TurnAsync("cost", "What is my balance?");
            Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        }

        await host.FlushAsync();
        var events = await store.ReadAsync("cost", 0, 1_000, TestContext.Current.CancellationToken);

        // Three events are urgent: the turn's start, the customer's message (published right after it, so usually in the same
        // write; a separate one when the writer wakes between the two, as it does on a loaded machine) and the turn's end;
        // everything else waits for the next of those (one interval never elapses here). A writer still busy with one turn's
        // batch takes the next turn's events with it, so fewer writes than turns is possible too. Each batch is one
        // TransactWriteItems.
        Assert.Equal(6 * Turns, events.Count);
        Assert.InRange(store.BatchWrites, 1, 3 * Turns);
        Assert.Equal(store.BatchWrites, counter.Handler.Operations.GetValueOrDefault("TransactWriteItems"));
        Assert.Equal(1, counter.Handler.Operations.GetValueOrDefault("GetItem"));
        TestContext.Current.SendDiagnosticMessage(
            $"DynamoDB activity feed: {events.Count / (double)Turns:F1} events, {store.BatchWrites / (double)Turns:F1} writes and {store.BatchWriteCapacityUnits / Turns:F1} WCU per tool-using turn");
        await client.DeleteTableAsync(table, CancellationToken.None);
    }
}
