using AgentHost.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>A database path in a fresh temp folder, deleted with the folder on dispose; opens stores and raw connections on it.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agenthost-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => System.IO.Path.Combine(_folder, "store.db");

    /// <summary>A store on this file with a long busy timeout (30 s).</summary>
    public SqliteConversationStore OpenStore() =>
        new(new SqliteConversationStoreOptions { DatabasePath = FilePath, BusyTimeout = TimeSpan.FromSeconds(30) });

    /// <summary>
    /// A store on this file that does not wait for another connection's lock: an operation that needs a lock someone else
    /// holds fails with "database is locked" instead of waiting, so a test can tell "took a lock" from "did not" without
    /// measuring time.
    /// </summary>
    public SqliteConversationStore OpenStoreThatNeverWaitsForLocks() =>
        new(new SqliteConversationStoreOptions { DatabasePath = FilePath, BusyTimeout = TimeSpan.Zero });

    /// <summary>A raw connection on this file, outside any pool (another process, as far as SQLite can tell).</summary>
    public SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Whether a raw connection can take the write lock right now (<c>BEGIN IMMEDIATE</c> with no busy wait, then
    /// rolled back): a store that left a transaction open on one of its connections makes this false.
    /// </summary>
    public bool WriteLockIsFree()
    {
        using var other = OpenRawConnection();
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_busy_timeout(other.Handle, 0));
        var begin = SQLitePCL.raw.sqlite3_exec(other.Handle, "BEGIN IMMEDIATE");
        if (begin != SQLitePCL.raw.SQLITE_OK)
        {
            Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, begin);
            return false;
        }

        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_exec(other.Handle, "ROLLBACK"));
        return true;
    }

    public void Dispose()
    {
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
