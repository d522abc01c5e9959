using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// One long-lived open connection of the store with its prepared statements. The per-connection pragmas run once, when
/// it is opened; each <see cref="SqliteStatement"/> is prepared (<c>sqlite3_prepare</c>) on its first use and the
/// command is kept, so later uses only bind parameters and step. Not thread-safe: one lease at a time
/// (<see cref="SqliteConnectionPool"/>). Whoever holds it must end every transaction and dispose every reader before
/// giving it back, so an idle connection holds no lock and no read snapshot.
/// </summary>
internal sealed class PooledSqliteConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<SqliteStatement, SqliteCommand> _commands = [];

    private PooledSqliteConnection(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens a connection (the connection string must say <c>Pooling=False</c>) and runs <paramref name="pragmas"/> on it.</summary>
    public static PooledSqliteConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return new PooledSqliteConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether the connection is still open (it is closed by <see cref="Dispose"/>).</summary>
    public bool IsOpen => _connection.State == System.Data.ConnectionState.Open;

    /// <summary>
    /// Whether the connection is inside a transaction (SQLite's autocommit mode is off). Transactions are started only
    /// by <see cref="BeginWriteTransaction"/>; reads are single statements and need none.
    /// </summary>
    public bool InTransaction => SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    /// <summary>Begins a <c>BEGIN IMMEDIATE</c> transaction (takes the write lock now, waiting up to the busy timeout).</summary>
    public SqliteWriteTransaction BeginWriteTransaction() => new(this);

    /// <summary>
    /// The prepared command of <paramref name="statement"/> on this connection. Set its parameter values by name before
    /// executing it; values left from the previous use are overwritten. It never has a <c>SqliteTransaction</c>: the
    /// store does not start transactions through Microsoft.Data.Sqlite (see <see cref="SqliteWriteTransaction"/>), so
    /// Microsoft.Data.Sqlite runs it inside whatever transaction the connection is in.
    /// </summary>
    public SqliteCommand Command(SqliteStatement statement)
    {
        if (!_commands.TryGetValue(statement, out var command))
        {
            command = _connection.CreateCommand();
            try
            {
                command.CommandText = statement.Sql;
                foreach (var name in statement.ParameterNames)
                {
                    command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
                }

                command.Prepare();
            }
            catch
            {
                command.Dispose();
                throw;
            }

            _commands.Add(statement, command);
        }

        return command;
    }

    /// <summary>Runs SQL that is not worth keeping prepared (run once, e.g. the schema).</summary>
    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Finalizes the prepared statements and closes the connection (rolling back a transaction left open).</summary>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection.Dispose();
    }
}
