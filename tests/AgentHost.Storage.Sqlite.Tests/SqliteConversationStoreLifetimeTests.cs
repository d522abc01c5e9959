using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>The store's own connections: closed on dispose, and never reused after a failure.</summary>
public sealed class SqliteConversationStoreLifetimeTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Dispose_ThenAnyOperation_ThrowsObjectDisposedExceptionAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = _database.OpenStore();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);

        store.Dispose();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAsync(session, 10, cancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindTurnAsync(session, "any", cancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ListSessionsAsync(new SessionListQuery(), cancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpdateMetadataAsync(session, new SessionMetadata(), cancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.DeleteSessionAsync(session, cancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ReadAllAsync(store, session));
    }

    [Fact]
    public async Task Dispose_AfterConcurrentUse_ClosesEveryConnectionAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = _database.OpenStore();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            async () =>
            {
                var session = NewSessionId();
                await store.LoadAsync(session, 10, cancellationToken);
                await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);
                await store.LoadAsync(session, 10, cancellationToken);
            },
            cancellationToken)));
        Assert.True(File.Exists(_database.FilePath + "-wal"));

        store.Dispose();

        // SQLite checkpoints and removes the WAL file when the last connection to the database closes.
        Assert.False(File.Exists(_database.FilePath + "-wal"));
    }

    [Fact]
    public async Task AppendTurnAsync_FailsInsideItsTransaction_ReleasesTheLockAndKeepsWorkingAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1, "damaged"), cancellationToken: cancellationToken);
        await DamageTurnAsync("damaged", cancellationToken);

        // The retry finds the stored turn and fails to read it, inside the append's BEGIN IMMEDIATE transaction.
        await Assert.ThrowsAnyAsync<JsonException>(() => store.AppendTurnAsync(Turn(session, 2, "damaged"), cancellationToken: cancellationToken));

        await using (var other = _database.OpenRawConnection())
        {
            var writeLock = await Task.Run(() => other.BeginTransaction(deferred: false), cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            await writeLock.RollbackAsync(cancellationToken);
        }

        var result = await store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken);
        Assert.Equal(AppendOutcome.Appended, result.Outcome);
        Assert.Equal(2, (await store.LoadAsync(session, 0, cancellationToken)).Header?.TurnCount);
    }

    [Fact]
    public async Task LoadAsync_FailsInsideItsTransaction_LaterReadsAndWritesStillWorkAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var damaged = NewSessionId();
        var healthy = NewSessionId();
        await store.AppendTurnAsync(Turn(damaged, 1, "damaged"), cancellationToken: cancellationToken);
        await DamageTurnAsync("damaged", cancellationToken);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAnyAsync<JsonException>(() => store.LoadAsync(damaged, 10, cancellationToken));
        }

        await store.AppendTurnAsync(Turn(healthy, 1), cancellationToken: cancellationToken);
        await store.AppendTurnAsync(Turn(damaged, 2), cancellationToken: cancellationToken);
        Assert.Equal(1, (await store.LoadAsync(healthy, 10, cancellationToken)).Header?.TurnCount);
        Assert.Equal(2, (await store.LoadAsync(damaged, 0, cancellationToken)).Header?.TurnCount);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Overwrites a stored turn's messages with bytes that are not JSON.</summary>
    private async Task DamageTurnAsync(string turnId, CancellationToken cancellationToken)
    {
        await using var connection = _database.OpenRawConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE turns SET messages = x'00' WHERE turn_id = $turnId";
        command.Parameters.AddWithValue("$turnId", turnId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(cancellationToken));
    }
}
