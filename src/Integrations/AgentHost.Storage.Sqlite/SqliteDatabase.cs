using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// One SQLite database file as the control and supervision stores use it: a pool of reader connections and one writer
/// (writes serialised in this process; other processes wait on SQLite's lock), the schema created in WAL mode on first use,
/// nothing opened before that. Thread-safe.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnectionPool _readers;
    private readonly SqliteConnectionPool _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly string _schema;
    private readonly Action _schemaReady;
    private volatile bool _initialized;
    private int _disposed;

    /// <summary>Describes the database; nothing is opened until first use.</summary>
    /// <param name="options">The file and the busy timeout.</param>
    /// <param name="schema">The statements that create the schema if it does not exist.</param>
    /// <param name="schemaReady">Called once the schema exists (logging).</param>
    public SqliteDatabase(SqliteConversationStoreOptions options, string schema, Action schemaReady)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _schema = schema;
        _schemaReady = schemaReady;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        var pragmas = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
        PooledSqliteConnection Open() => PooledSqliteConnection.Open(connectionString, pragmas);
        _readers = new SqliteConnectionPool(Open, Math.Max(2, Environment.ProcessorCount));
        _writer = new SqliteConnectionPool(Open, maxIdle: 1);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Runs a write on the writer connection, serialised in this process.</summary>
    public async Task<T> WriteAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _writer.Use(work);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs a read on a reader connection (one statement: its own snapshot, no lock).</summary>
    public async Task<T> ReadAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.Use(work);
    }

    /// <summary>A JSON column's bytes, whether SQLite holds it as a BLOB (as written) or as TEXT (as an edit in SQL may leave it).</summary>
    /// <param name="reader">The row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="what">What the record is, for the error message.</param>
    public static byte[] BytesOf(SqliteDataReader reader, int ordinal, string what) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => bytes,
        string text => System.Text.Encoding.UTF8.GetBytes(text),
        var other => throw new InvalidDataException($"A stored {what} has a value of type {other.GetType().Name} where JSON was expected."),
    };

    /// <summary>Closes the connections.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _readers.Dispose();
            _writer.Dispose();
        }
    }

    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            _writer.Use(connection =>
            {
                connection.Execute($"PRAGMA journal_mode = WAL; {_schema}");
                return true;
            });
            _initialized = true;
            _schemaReady();
        }
        finally
        {
            _initGate.Release();
        }
    }
}
