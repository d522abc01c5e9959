using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>
/// Every way a write ends (committed, an outcome that keeps nothing, a failure, another process's lock) leaves the
/// store's writer connection outside any transaction, so the write lock is free and the next write works.
/// </summary>
public sealed class SqliteConversationStoreWriteTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task AppendTurnAsync_Appended_ReleasesTheWriteLockAsync()
    {
        using var store = _database.OpenStore();

        await store.AppendTurnAsync(Turn(NewSessionId(), 1), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(_database.WriteLockIsFree());
    }

    [Fact]
    public async Task AppendTurnAsync_SequenceConflict_RollsBackReleasesTheLockAndTheNextAppendWorksAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);

        await Assert.ThrowsAsync<ConversationConflictException>(() => store.AppendTurnAsync(Turn(session, 3), cancellationToken: cancellationToken));

        Assert.True(_database.WriteLockIsFree());
        var next = await store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken);
        Assert.Equal(AppendOutcome.Appended, next.Outcome);
        Assert.Equal([1L, 2L], (await store.LoadAsync(session, 10, cancellationToken)).RecentTurns.Select(t => t.Sequence));
    }

    [Fact]
    public async Task AppendTurnAsync_Duplicate_ReleasesTheLockAndStoresNothingAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        var turn = Turn(session, 1);
        await store.AppendTurnAsync(turn, cancellationToken: cancellationToken);

        var retry = await store.AppendTurnAsync(turn, new SessionMetadata { Channel = "retry" }, cancellationToken);

        Assert.Equal(AppendOutcome.Duplicate, retry.Outcome);
        Assert.True(_database.WriteLockIsFree());
        var header = (await store.LoadAsync(session, 0, cancellationToken)).Header;
        Assert.Equal(1, header?.TurnCount);
        Assert.Null(header?.Metadata.Channel);
    }

    [Fact]
    public async Task UpdateMetadataAndDeleteSessionAsync_UnknownSession_ReleaseTheWriteLockAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();

        Assert.False(await store.UpdateMetadataAsync(NewSessionId(), new SessionMetadata { Channel = "CLI" }, cancellationToken));
        Assert.True(_database.WriteLockIsFree());
        Assert.False(await store.DeleteSessionAsync(NewSessionId(), cancellationToken));
        Assert.True(_database.WriteLockIsFree());
    }

    [Fact]
    public async Task AppendTurnAsync_AnotherConnectionHoldsTheWriteLockAndTheStoreNeverWaits_FailsBusyThenWorksOnceReleasedAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStoreThatNeverWaitsForLocks();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);

        await using (var other = _database.OpenRawConnection())
        await using (var writeLock = other.BeginTransaction(deferred: false))
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken));
            Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, error.SqliteErrorCode);
        }

        var result = await store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken);
        Assert.Equal(AppendOutcome.Appended, result.Outcome);
        Assert.True(_database.WriteLockIsFree());
    }

    [Fact]
    public async Task AppendTurnAsync_AnotherConnectionReleasesTheWriteLockWhileTheStoreWaits_AppendsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);
        await using var other = _database.OpenRawConnection();
        var writeLock = other.BeginTransaction(deferred: false);

        // The store waits in SQLite's busy handler (30 s here) for the lock, which is released after the append started.
        var append = Task.Run(() => store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken), cancellationToken);
        await Task.Yield();
        await writeLock.CommitAsync(cancellationToken);
        await writeLock.DisposeAsync();

        Assert.Equal(AppendOutcome.Appended, (await append).Outcome);
        Assert.True(_database.WriteLockIsFree());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }
}
