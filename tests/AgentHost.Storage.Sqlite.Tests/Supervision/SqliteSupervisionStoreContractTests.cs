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
