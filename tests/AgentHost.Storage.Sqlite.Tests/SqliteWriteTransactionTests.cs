using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>
/// The prepared <c>BEGIN IMMEDIATE</c>/<c>COMMIT</c>/<c>ROLLBACK</c> transaction: whatever ends it, the connection is
/// left outside any transaction, holding no lock, and the next transaction works.
/// </summary>
public sealed class SqliteWriteTransactionTests : IDisposable
{
    private static readonly SqliteStatement Insert = new("INSERT INTO items (id) VALUES ($id)", "$id");
    private static readonly SqliteStatement Count = new("SELECT count(*) FROM items");

    private readonly TestDatabase _database = new();

    [Fact]
    public void Commit_ThenDispose_KeepsTheChangesAndReleasesTheWriteLock()
    {
        using var connection = OpenWithTable();

        using (var transaction = connection.BeginWriteTransaction())
        {
            InsertItem(connection, 1);
            Assert.True(connection.InTransaction);
            transaction.Commit();
        }

        Assert.False(connection.InTransaction);
        Assert.Equal(1L, connection.Command(Count).ExecuteScalar());
        Assert.True(_database.WriteLockIsFree());
    }

    [Fact]
    public void Dispose_WithoutCommit_RollsBackAndReleasesTheWriteLock()
    {
        using var connection = OpenWithTable();

        using (connection.BeginWriteTransaction())
        {
            InsertItem(connection, 1);
            Assert.False(_database.WriteLockIsFree());
        }

        Assert.False(connection.InTransaction);
        Assert.Equal(0L, connection.Command(Count).ExecuteScalar());
        Assert.True(_database.WriteLockIsFree());
    }

    [Fact]
    public void Dispose_AfterAStatementFailed_RollsBackTheEarlierChangesAndTheNextTransactionWorks()
    {
        using var connection = OpenWithTable();

        Assert.Throws<SqliteException>(() =>
        {
            using var transaction = connection.BeginWriteTransaction();
            InsertItem(connection, 1);
            InsertItem(connection, 1);
            transaction.Commit();
        });

        Assert.False(connection.InTransaction);
        Assert.Equal(0L, connection.Command(Count).ExecuteScalar());
        using (var transaction = connection.BeginWriteTransaction())
        {
            InsertItem(connection, 2);
            transaction.Commit();
        }

        Assert.Equal(1L, connection.Command(Count).ExecuteScalar());
    }

    [Fact]
    public void Dispose_TransactionAlreadyEndedBySqlite_DoesNothing()
    {
        using var connection = OpenWithTable();

        using (connection.BeginWriteTransaction())
        {
            InsertItem(connection, 1);

            // What SQLite does by itself on some errors (e.g. SQLITE_FULL): the transaction is gone before Dispose runs.
            connection.Execute("ROLLBACK");
        }

        Assert.False(connection.InTransaction);
        Assert.True(_database.WriteLockIsFree());
    }

    [Fact]
    public void BeginWriteTransaction_AnotherConnectionHoldsTheWriteLock_ThrowsBusyAndLeavesNoTransaction()
    {
        using var connection = OpenWithTable(busyTimeoutMilliseconds: 0);
        using var other = _database.OpenRawConnection();
        using var writeLock = other.BeginTransaction(deferred: false);

        var error = Assert.Throws<SqliteException>(() => connection.BeginWriteTransaction());

        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, error.SqliteErrorCode);
        Assert.False(connection.InTransaction);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }

    /// <summary>A pooled-style connection on a file with an <c>items</c> table (Microsoft.Data.Sqlite retries busy statements for 1 s).</summary>
    private PooledSqliteConnection OpenWithTable(int busyTimeoutMilliseconds = 1000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.FilePath)!);
        var connection = PooledSqliteConnection.Open(
            $"Data Source={_database.FilePath};Pooling=False;Default Timeout=1",
            $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA journal_mode = WAL;");
        connection.Execute("CREATE TABLE IF NOT EXISTS items (id INTEGER NOT NULL PRIMARY KEY)");
        return connection;
    }

    private static void InsertItem(PooledSqliteConnection connection, long id)
    {
        var insert = connection.Command(Insert);
        insert.Parameters["$id"].Value = id;
        insert.ExecuteNonQuery();
    }
}
