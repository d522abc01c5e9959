namespace AgentHost.Storage.Sqlite;

/// <summary>
/// A <c>BEGIN IMMEDIATE</c> transaction run with the connection's prepared <c>BEGIN IMMEDIATE</c>, <c>COMMIT</c> and
/// <c>ROLLBACK</c> statements (Microsoft.Data.Sqlite's <c>SqliteTransaction</c> prepares and finalizes its <c>BEGIN</c>
/// and <c>COMMIT</c> on every transaction). Statements inside it run with no <c>SqliteTransaction</c>, which
/// Microsoft.Data.Sqlite allows because it did not start this one. <see cref="Dispose"/> rolls back whatever was not
/// committed (an outcome that keeps nothing, an exception, a failed <c>COMMIT</c>), so the connection never goes back to
/// its pool inside a transaction. Use it with <c>using</c>, on one connection, one at a time.
/// </summary>
internal readonly struct SqliteWriteTransaction : IDisposable
{
    private readonly PooledSqliteConnection _connection;

    /// <summary>
    /// Takes the write lock now (<c>BEGIN IMMEDIATE</c>), waiting for another connection or process up to the busy
    /// timeout like <c>SqliteConnection.BeginTransaction(deferred: false)</c> does.
    /// </summary>
    public SqliteWriteTransaction(PooledSqliteConnection connection)
    {
        _connection = connection;
        connection.Command(SqliteStatements.BeginImmediate).ExecuteNonQuery();
    }

    /// <summary>Commits the transaction. When <c>COMMIT</c> fails, the transaction is still open and <see cref="Dispose"/> rolls it back.</summary>
    public void Commit() => _connection.Command(SqliteStatements.Commit).ExecuteNonQuery();

    /// <summary>
    /// Rolls back when the connection is still inside a transaction. SQLite's own state decides (not a flag of this
    /// struct): after a commit, or after an error on which SQLite already rolled back, there is nothing to roll back.
    /// </summary>
    public void Dispose()
    {
        if (_connection.InTransaction)
        {
            _connection.Command(SqliteStatements.Rollback).ExecuteNonQuery();
        }
    }
}
