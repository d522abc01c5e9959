using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>
/// Reads and SQLite's write lock: reads take no lock (deferred transactions or single statements in WAL mode), see only
/// committed data, and leave no read snapshot open on the store's pooled connections.
/// </summary>
public sealed class SqliteConversationStoreLockingTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task LoadAsync_AnotherConnectionHoldsTheWriteLock_CompletesWithoutWaitingAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStoreThatNeverWaitsForLocks();
        var session = NewSessionId();
        var turn = Turn(session, 1);
        await store.AppendTurnAsync(turn, cancellationToken: cancellationToken);
        await using var writer = _database.OpenRawConnection();
        await using var writeLock = writer.BeginTransaction(deferred: false);

        var snapshot = await store.LoadAsync(session, 10, cancellationToken);
        var unknown = await store.LoadAsync(NewSessionId(), 10, cancellationToken);

        AssertSameTurn(turn, Assert.Single(snapshot.RecentTurns));
        Assert.Equal(1, snapshot.Header?.TurnCount);
        Assert.Null(unknown.Header);
    }

    [Fact]
    public async Task OtherReads_AnotherConnectionHoldsTheWriteLock_CompleteWithoutWaitingAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStoreThatNeverWaitsForLocks();
        var session = NewSessionId();
        var turn = Turn(session, 1);
        await store.AppendTurnAsync(turn, cancellationToken: cancellationToken);
        await using var writer = _database.OpenRawConnection();
        await using var writeLock = writer.BeginTransaction(deferred: false);

        var found = await store.FindTurnAsync(session, turn.TurnId, cancellationToken);
        var history = await ReadAllAsync(store, session);
        var sessions = await store.ListSessionsAsync(new SessionListQuery(), cancellationToken);

        Assert.NotNull(found);
        AssertSameTurn(turn, Assert.Single(history));
        Assert.Equal(session, Assert.Single(sessions).SessionId);
    }

    [Fact]
    public async Task LoadAsync_AnotherConnectionHasUncommittedChanges_ReturnsTheCommittedStateAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStoreThatNeverWaitsForLocks();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);
        await using var writer = _database.OpenRawConnection();
        await using var writeLock = writer.BeginTransaction(deferred: false);
        await using (var change = writer.CreateCommand())
        {
            change.Transaction = writeLock;
            change.CommandText = "UPDATE sessions SET turn_count = 7 WHERE session_id = $session; DELETE FROM turns WHERE session_id = $session;";
            change.Parameters.AddWithValue("$session", session);
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        var snapshot = await store.LoadAsync(session, 10, cancellationToken);

        Assert.Equal(1, snapshot.Header?.TurnCount);
        Assert.Single(snapshot.RecentTurns);
    }

    [Fact]
    public async Task LoadAsync_AfterAnotherStoreAppends_SeesTheNewTurnAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var reader = _database.OpenStore();
        using var writer = _database.OpenStore();
        var session = NewSessionId();
        await writer.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);
        Assert.Equal(1, (await reader.LoadAsync(session, 10, cancellationToken)).Header?.TurnCount);

        await writer.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken);
        var snapshot = await reader.LoadAsync(session, 10, cancellationToken);

        Assert.Equal(2, snapshot.Header?.TurnCount);
        Assert.Equal([1L, 2L], snapshot.RecentTurns.Select(t => t.Sequence));
    }

    [Fact]
    public async Task Reads_Finished_LeaveNoReadSnapshotThatBlocksACheckpointAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);
        await store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken);
        await store.LoadAsync(session, 10, cancellationToken);
        await store.LoadAsync(session, 1, cancellationToken);
        await store.FindTurnAsync(session, "unknown", cancellationToken);
        await store.ListSessionsAsync(new SessionListQuery(), cancellationToken);
        await ReadAllAsync(store, session);

        // A TRUNCATE checkpoint must wait for every reader; it reports busy (1) when a connection still holds a snapshot.
        await using var checkpointer = _database.OpenRawConnection();
        await using var checkpoint = checkpointer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync(cancellationToken);
        Assert.True(await result.ReadAsync(cancellationToken));
        Assert.Equal(0, result.GetInt64(0));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }
}
