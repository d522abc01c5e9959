using AgentHost.Storage.Sqlite;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>The store's connection pool: reuse, bounded idle connections, failures, dispose.</summary>
public sealed class SqliteConnectionPoolTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private int _opened;

    [Fact]
    public void Use_WorkSucceeds_ReusesTheConnectionAndItsPreparedCommands()
    {
        using var pool = CreatePool(maxIdle: 2);
        var statement = new SqliteStatement("SELECT $value", "$value");

        var (firstConnection, firstCommand) = pool.Use(c => (c, c.Command(statement)));
        var (secondConnection, secondCommand) = pool.Use(c => (c, c.Command(statement)));

        Assert.Same(firstConnection, secondConnection);
        Assert.Same(firstCommand, secondCommand);
        Assert.Equal(1, _opened);
    }

    [Fact]
    public void Use_WorkThrows_ClosesTheConnectionInsteadOfReusingIt()
    {
        using var pool = CreatePool(maxIdle: 2);
        PooledSqliteConnection? failed = null;

        Assert.Throws<InvalidOperationException>(() => pool.Use<int>(c =>
        {
            failed = c;
            c.BeginWriteTransaction();
            throw new InvalidOperationException("boom");
        }));
        var next = pool.Use(c => c);

        Assert.NotNull(failed);
        Assert.False(failed.IsOpen);
        Assert.NotSame(failed, next);
        Assert.True(next.IsOpen);
        Assert.Equal(2, _opened);
    }

    [Fact]
    public void Use_WorkReturnsInsideATransaction_ClosesTheConnectionAndReleasesTheWriteLock()
    {
        using var pool = CreatePool(maxIdle: 2);

        var leaked = pool.Use(c =>
        {
            c.BeginWriteTransaction();
            return c;
        });
        var next = pool.Use(c => c);
        using var other = _database.OpenRawConnection();
        using var writeLock = other.BeginTransaction(deferred: false);

        Assert.False(leaked.IsOpen);
        Assert.NotSame(leaked, next);
        Assert.False(next.InTransaction);
    }

    [Fact]
    public void Use_MoreLeasesAtOnceThanMaxIdle_KeepsOnlyMaxIdleOpen()
    {
        using var pool = CreatePool(maxIdle: 1);

        var (outer, inner) = pool.Use(a => pool.Use(b => (a, b)));
        var reused = pool.Use(c => c);

        Assert.NotSame(outer, inner);
        Assert.Same(inner, reused);
        Assert.True(inner.IsOpen);
        Assert.False(outer.IsOpen);
    }

    [Fact]
    public void Dispose_IdleAndLeasedConnections_ClosesThemAndRefusesNewLeases()
    {
        var pool = CreatePool(maxIdle: 2);
        var idle = pool.Use(c => c);

        var leased = pool.Use(c =>
        {
            pool.Dispose();
            return c;
        });

        Assert.False(idle.IsOpen);
        Assert.False(leased.IsOpen);
        Assert.Throws<ObjectDisposedException>(() => pool.Use(c => c));
    }

    public void Dispose() => _database.Dispose();

    private SqliteConnectionPool CreatePool(int maxIdle)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.FilePath)!);
        return new SqliteConnectionPool(
            () =>
            {
                Interlocked.Increment(ref _opened);
                return PooledSqliteConnection.Open($"Data Source={_database.FilePath};Pooling=False", "PRAGMA busy_timeout = 1000;");
            },
            maxIdle);
    }
}
