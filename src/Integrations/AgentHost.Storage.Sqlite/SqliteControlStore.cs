using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// The control layer's durable state in SQLite (its own tables, see <see cref="SqliteControlSchema"/>; by default in a file
/// next to the conversation database, <see cref="DefaultPathFor"/>): approval requests (<see cref="Abstractions.Control.IApprovalStore"/>), tool intents
/// (<see cref="Abstractions.Control.IToolIntentStore"/>) and the append-only audit chains
/// (<see cref="Abstractions.Control.IAuditStore"/>). Every conditional write is one <c>BEGIN IMMEDIATE</c> transaction,
/// so other processes using the same file (a second host, the CLI) see the same rules. Thread-safe.
/// </summary>
public sealed partial class SqliteControlStore : IDisposable
{
    private readonly SqliteConnectionPool _readers;
    private readonly SqliteConnectionPool _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly ILogger _logger;
    private volatile bool _initialized;
    private int _disposed;

    /// <summary>Creates the store over the database file of <paramref name="options"/> (which may be the conversation store's own file). Nothing is opened until first use.</summary>
    public SqliteControlStore(SqliteConversationStoreOptions options, ILogger<SqliteControlStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _logger = logger ?? (ILogger)NullLogger.Instance;
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

    /// <summary>
    /// The default control database next to a conversation database: <c>agenthost.db</c> → <c>agenthost.control.db</c>. A file of
    /// its own, so that the control layer's writes (several per tool call) neither invalidate the conversation store's page
    /// caches nor grow its write-ahead log.
    /// </summary>
    public static string DefaultPathFor(string conversationDatabasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationDatabasePath);
        var extension = Path.GetExtension(conversationDatabasePath);
        return extension.Length == 0
            ? conversationDatabasePath + ".control"
            : conversationDatabasePath[..^extension.Length] + ".control" + extension;
    }

    /// <summary>Closes the store's connections.</summary>
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
                connection.Execute($"PRAGMA journal_mode = WAL; {SqliteControlSchema.Create}");
                return true;
            });
            _initialized = true;
            SqliteControlStoreLog.SchemaReady(_logger, DatabasePath);
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>Runs a write on the writer connection, serialised in this process (other processes wait on SQLite's lock).</summary>
    private async Task<T> WriteAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken)
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

    /// <summary>A JSON column's bytes, whether SQLite holds it as a BLOB (as written) or as TEXT (as an edit in SQL may leave it).</summary>
    private static byte[] BytesOf(SqliteDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => bytes,
        string text => System.Text.Encoding.UTF8.GetBytes(text),
        var other => throw new InvalidDataException($"A stored control record has a value of type {other.GetType().Name} where JSON was expected."),
    };

    /// <summary>Runs a read (one statement: its own snapshot, no lock).</summary>
    private async Task<T> ReadAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.Use(work);
    }
}
