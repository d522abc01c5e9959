using System.Collections.Concurrent;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// The store's own pool of open <see cref="PooledSqliteConnection"/>s (instead of Microsoft.Data.Sqlite's pool, which
/// opens and closes a connection object per call and re-prepares every statement). A lease is synchronous
/// (<see cref="Use{TResult}"/>), so no more connections are leased at once than threads run the store's work. At most
/// <c>maxIdle</c> idle connections are kept; extra ones are closed when given back. A connection whose work threw is
/// closed, never reused: its state (an open transaction, a statement mid-step) is unknown. So is one whose work returned
/// inside a transaction (a bug of the work; closing the connection rolls the transaction back).
/// </summary>
internal sealed class SqliteConnectionPool : IDisposable
{
    private readonly ConcurrentQueue<PooledSqliteConnection> _idle = new();
    private readonly Func<PooledSqliteConnection> _open;
    private readonly int _maxIdle;
    private int _idleCount;
    private int _disposed;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="open">Opens a new connection when none is idle.</param>
    /// <param name="maxIdle">How many idle connections are kept open (at least 1).</param>
    public SqliteConnectionPool(Func<PooledSqliteConnection> open, int maxIdle)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdle, 1);
        _open = open;
        _maxIdle = maxIdle;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an idle connection (or a newly opened one) and gives the connection back, or
    /// closes it when <paramref name="work"/> throws or leaves a transaction open.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public TResult Use<TResult>(Func<PooledSqliteConnection, TResult> work)
    {
        var connection = Rent();
        TResult result;
        try
        {
            result = work(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        Return(connection);
        return result;
    }

    /// <summary>Closes every idle connection; a connection leased now is closed when its work ends.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CloseIdle();
        }
    }

    private PooledSqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        return _open();
    }

    private void Return(PooledSqliteConnection connection)
    {
        // An idle connection must hold no lock and no snapshot: the next lease would run inside someone else's
        // transaction, and a write lock held here would block every other writer until the connection is reused.
        if (Volatile.Read(ref _disposed) != 0 || connection.InTransaction)
        {
            connection.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            // Enough idle connections already (a burst opened more): close this one.
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }

        _idle.Enqueue(connection);
        if (Volatile.Read(ref _disposed) != 0)
        {
            // Dispose ran while this connection was being given back: do not leave it open.
            CloseIdle();
        }
    }

    private void CloseIdle()
    {
        while (_idle.TryDequeue(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }
}
