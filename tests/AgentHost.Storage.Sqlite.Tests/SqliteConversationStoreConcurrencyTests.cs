using AgentHost.Abstractions.Conversations;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>Many tasks on two store instances sharing one file, each task running its own conversations.</summary>
public sealed class SqliteConversationStoreConcurrencyTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task AppendAndLoad_ManyTasksOnDifferentSessions_AllSucceedAndAgreeAsync()
    {
        const int tasks = 16;
        const int sessionsPerTask = 8;
        const int turnsPerSession = 3;
        var cancellationToken = TestContext.Current.CancellationToken;
        using var first = _database.OpenStore();
        using var second = _database.OpenStore();
        var stores = new[] { first, second };

        var work = Enumerable.Range(0, tasks).Select(task => Task.Run(
            async () =>
            {
                var store = stores[task % 2];
                var sessions = new List<string>();
                for (var n = 0; n < sessionsPerTask; n++)
                {
                    var session = NewSessionId();
                    sessions.Add(session);
                    for (var sequence = 1; sequence <= turnsPerSession; sequence++)
                    {
                        var snapshot = await store.LoadAsync(session, 10, cancellationToken);
                        Assert.Equal(sequence, snapshot.NextSequence);
                        Assert.Equal(sequence - 1, snapshot.RecentTurns.Count);
                        var result = await store.AppendTurnAsync(Turn(session, sequence), cancellationToken: cancellationToken);
                        Assert.Equal(AppendOutcome.Appended, result.Outcome);
                    }
                }

                return sessions;
            },
            cancellationToken)).ToList();
        var sessions = (await Task.WhenAll(work)).SelectMany(s => s).ToList();

        foreach (var session in sessions)
        {
            var snapshot = await second.LoadAsync(session, 10, cancellationToken);
            Assert.Equal(turnsPerSession, snapshot.Header?.TurnCount);
            Assert.Equal([1L, 2L, 3L], snapshot.RecentTurns.Select(t => t.Sequence));
        }

        var listed = await first.ListSessionsAsync(new SessionListQuery { Limit = 1000 }, cancellationToken);
        Assert.Equal(sessions.Order(), listed.Select(h => h.SessionId).Order());
    }

    public void Dispose() => _database.Dispose();
}
