using AgentHost.Abstractions.Supervision;
using AgentHost.Testing.Supervision;

namespace AgentHost.Storage.Sqlite.Tests.Supervision;

/// <summary>The supervision-store contract on SQLite; the second instance over the same file acts as another process.</summary>
public sealed class SqliteSupervisionStoreContractTests : SupervisionStoreContractTests, IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly List<SqliteSupervisionStore> _stores = [];

    protected override Task<(IActivityFeed Feed, IGuidanceStore Guidance)> CreateStoresAsync() => Task.FromResult(Open());

    protected override Task<(IActivityFeed Feed, IGuidanceStore Guidance)?> OpenSecondAsync() => Task.FromResult<(IActivityFeed, IGuidanceStore)?>(Open());

    [Fact]
    public async Task PurgeAsync_OldEvents_AreDeletedAsync()
    {
        var store = (SqliteSupervisionStore)Feed;
        var old = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.AppendAsync("old", [new ActivityEvent { SessionId = "old", Kind = ActivityKinds.TurnStarted, At = old }], new LiveSessionUpdate(), TestContext.Current.CancellationToken);
        await store.AppendAsync("new", [new ActivityEvent { SessionId = "new", Kind = ActivityKinds.TurnStarted, At = old.AddDays(30) }], new LiveSessionUpdate(), TestContext.Current.CancellationToken);

        Assert.Equal(2, await store.PurgeAsync(old.AddDays(1), TestContext.Current.CancellationToken));

        Assert.Null(await store.GetSessionAsync("old", TestContext.Current.CancellationToken));
        Assert.NotNull(await store.GetSessionAsync("new", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendManyAsync_SeveralSessions_StoresEachAfterItsLastEventWithItsSummaryAsync()
    {
        var store = (SqliteSupervisionStore)Feed;
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        await store.AppendAsync("a", [new ActivityEvent { SessionId = "a", Kind = ActivityKinds.TurnStarted, At = at }], new LiveSessionUpdate { TurnsStarted = 1 }, TestContext.Current.CancellationToken);

        await store.AppendManyAsync(
            [
                new ActivityBatch("a", [new ActivityEvent { SessionId = "a", Kind = ActivityKinds.TurnFinished, At = at.AddSeconds(1) }], new LiveSessionUpdate { Status = LiveSessionStatuses.Idle }),
                new ActivityBatch("b", [new ActivityEvent { SessionId = "b", Kind = ActivityKinds.TurnStarted, At = at.AddSeconds(2) }, new ActivityEvent { SessionId = "b", Kind = ActivityKinds.Message, At = at.AddSeconds(3), Text = "hi" }], new LiveSessionUpdate { Status = LiveSessionStatuses.Running, TurnsStarted = 1 }),
            ],
            TestContext.Current.CancellationToken);

        var a = await store.ReadAsync("a", 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L], a.Select(e => e.Sequence));
        Assert.Equal(ActivityKinds.TurnFinished, a[1].Kind);
        var b = await store.ReadAsync("b", 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L], b.Select(e => e.Sequence));
        Assert.Equal("hi", b[1].Text);
        Assert.Equal(LiveSessionStatuses.Idle, (await store.GetSessionAsync("a", TestContext.Current.CancellationToken))!.Status);
        var live = await store.GetSessionAsync("b", TestContext.Current.CancellationToken);
        Assert.Equal(LiveSessionStatuses.Running, live!.Status);
        Assert.Equal(2, live.LastSequence);
    }

    [Fact]
    public async Task Flush_ManySessionsBuffered_OneStoreWriteStoresThemAllAsync()
    {
        var store = (SqliteSupervisionStore)Feed;
        var at = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        await using var publisher = new AgentHost.Supervision.Activity.ActivityPublisher(store, new AgentHost.Supervision.SupervisionOptions { FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 20; i++)
        {
            publisher.Publish(new ActivityEvent { SessionId = $"s{i}", Kind = ActivityKinds.TurnStarted, At = at, TurnId = "t" }, new LiveSessionUpdate { TurnsStarted = 1 });
        }

        await publisher.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, publisher.Writes);
        Assert.Equal(0, publisher.Dropped);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, (await store.GetSessionAsync($"s{i}", TestContext.Current.CancellationToken))!.Turns);
        }
    }

    [Fact]
    public void DefaultPathFor_ConversationDatabase_IsTheSupervisorFileBesideIt() =>
        Assert.Equal("/data/agenthost.supervisor.db", SqliteSupervisionStore.DefaultPathFor("/data/agenthost.db"));

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _database.Dispose();
    }

    private (IActivityFeed, IGuidanceStore) Open()
    {
        var store = new SqliteSupervisionStore(new SqliteConversationStoreOptions { DatabasePath = _database.FilePath, BusyTimeout = TimeSpan.FromSeconds(30) });
        _stores.Add(store);
        return (store, store);
    }
}
