using AgentHost.Abstractions.Conversations;
using Xunit;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Testing.Storage;

/// <summary>Racing turns: one winner per sequence, no lost or duplicated turns.</summary>
public abstract partial class ConversationStoreContractTests
{
    /// <summary>How many tasks race in the concurrency tests.</summary>
    protected virtual int RacingTasks => 8;

    [Fact]
    public async Task AppendTurnAsync_ManyTasksRaceForOneSequence_ExactlyOneWinsAsync()
    {
        var session = NewSessionId();
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, RacingTasks).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            try
            {
                await Store.AppendTurnAsync(Turn(session, 1, $"racer-{i}"));
                return true;
            }
            catch (ConversationConflictException)
            {
                return false;
            }
        })).ToList();
        start.Set();

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
        var stored = await ReadAllAsync(Store, session);
        Assert.Equal(1, Assert.Single(stored).Sequence);
        Assert.Equal(1, (await Store.LoadAsync(session, 10)).Header?.TurnCount);
    }

    [Fact]
    public async Task AppendTurnAsync_ManyTasksRetryingOnConflict_StoreEveryTurnOnceWithoutGapsAsync()
    {
        var session = NewSessionId();
        const int turnsPerTask = 5;
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, RacingTasks).Select(task => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            for (var n = 0; n < turnsPerTask; n++)
            {
                var turnId = $"task{task}-turn{n}";
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 1000, "A turn lost the race 1000 times in a row.");
                    var snapshot = await Store.LoadAsync(session, 1);
                    try
                    {
                        await Store.AppendTurnAsync(Turn(session, snapshot.NextSequence, turnId));
                        break;
                    }
                    catch (ConversationConflictException)
                    {
                        // Another task took the sequence: reload and run the turn again.
                    }
                }
            }
        })).ToList();
        start.Set();

        await Task.WhenAll(writers);

        var stored = await ReadAllAsync(Store, session);
        var expected = RacingTasks * turnsPerTask;
        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), stored.Select(t => t.Sequence));
        Assert.Equal(expected, stored.Select(t => t.TurnId).Distinct().Count());
        Assert.Equal(expected, (await Store.LoadAsync(session, 1)).Header?.TurnCount);
    }

    [Fact]
    public async Task AppendTurnAsync_SameTurnRetriedConcurrently_StoresItOnceAsync()
    {
        var session = NewSessionId();
        var turn = Turn(session, 1, "retried");
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, RacingTasks).Select(_ => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return (await Store.AppendTurnAsync(turn)).Outcome;
        })).ToList();
        start.Set();

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o == AppendOutcome.Appended);
        Assert.Equal(RacingTasks - 1, outcomes.Count(o => o == AppendOutcome.Duplicate));
        AssertSameTurn(turn, Assert.Single(await ReadAllAsync(Store, session)));
    }
}
