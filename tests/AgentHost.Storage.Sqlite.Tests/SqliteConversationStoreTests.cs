using AgentHost.Abstractions.Conversations;
using AgentHost.Storage.Sqlite;
using AgentHost.Testing.Storage;
using Microsoft.Data.Sqlite;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>SQLite-specific behaviour: file layout, WAL, several store instances on one file.</summary>
public sealed class SqliteConversationStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenthost-sqlite-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "a", "b", "store.db");

    [Fact]
    public async Task AppendTurnAsync_FirstUse_CreatesFolderAndWalDatabaseAsync()
    {
        using var store = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = DatabasePath });

        await store.AppendTurnAsync(Turn(NewSessionId(), 1), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(File.Exists(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendTurnAsync_TwoStoresOnOneFileRace_OneWinnerPerSequenceAsync()
    {
        using var first = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = DatabasePath });
        using var second = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = DatabasePath });
        var session = NewSessionId();
        var stores = new[] { first, second };

        var writers = Enumerable.Range(0, 6).Select(task => Task.Run(async () =>
        {
            var store = stores[task % 2];
            for (var n = 0; n < 10; n++)
            {
                while (true)
                {
                    var next = (await store.LoadAsync(session, 0)).NextSequence;
                    try
                    {
                        await store.AppendTurnAsync(Turn(session, next, $"w{task}-{n}"));
                        break;
                    }
                    catch (ConversationConflictException)
                    {
                        // Lost the race to the other store instance: reload and retry.
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(writers);

        var stored = await ReadAllAsync(second, session);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), stored.Select(t => t.Sequence));
        Assert.Equal(60, stored.Select(t => t.TurnId).Distinct().Count());
    }

    [Fact]
    public async Task LoadAsync_AfterReopeningTheFile_ReturnsWhatWasStoredAsync()
    {
        var session = NewSessionId();
        var turn = Turn(session, 1);
        using (var store = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = DatabasePath }))
        {
            await store.AppendTurnAsync(turn, new SessionMetadata { Channel = "CLI" }, TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = DatabasePath });
        var snapshot = await reopened.LoadAsync(session, 10, TestContext.Current.CancellationToken);

        Assert.Equal("CLI", snapshot.Header?.Metadata.Channel);
        AssertSameTurn(turn, Assert.Single(snapshot.RecentTurns));
    }

    [Fact]
    public void FromEnvironment_NoVariable_UsesDefaultPath()
    {
        var saved = Environment.GetEnvironmentVariable(SqliteConversationStoreOptions.DatabasePathVariable);
        try
        {
            Environment.SetEnvironmentVariable(SqliteConversationStoreOptions.DatabasePathVariable, null);
            Assert.Equal(".data/agenthost.db", SqliteConversationStoreOptions.FromEnvironment().DatabasePath);
            Environment.SetEnvironmentVariable(SqliteConversationStoreOptions.DatabasePathVariable, "/tmp/x.db");
            Assert.Equal("/tmp/x.db", SqliteConversationStoreOptions.FromEnvironment().DatabasePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SqliteConversationStoreOptions.DatabasePathVariable, saved);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was created.
        }
    }
}
