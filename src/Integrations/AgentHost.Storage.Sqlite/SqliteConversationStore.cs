using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// The embedded conversation store (the local default): one SQLite file in WAL mode with a session header table
/// and an append-only turns table. A turn is appended in one transaction, conditional on its sequence number
/// (unique per session) and idempotent on its turn id (unique per session). Safe for concurrent use from many
/// tasks (writes in one process are serialised; other processes wait up to
/// <see cref="SqliteConversationStoreOptions.BusyTimeout"/> for the database lock; reads never take the lock).
/// Message contents are stored whole and never truncated. The schema is created on first use. The store keeps a few
/// connections open with their statements prepared; <see cref="Dispose"/> closes them.
/// </summary>
public sealed partial class SqliteConversationStore : IConversationStore, IDisposable
{
    private readonly SqliteConversationStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly SqliteConnectionPool _readers;
    private readonly SqliteConnectionPool _writer;
    private volatile bool _initialized;
    private int _disposed;

    /// <summary>Creates the store. Nothing is opened until first use.</summary>
    /// <param name="options">The settings; see <see cref="SqliteConversationStoreOptions"/> for defaults.</param>
    /// <param name="timeProvider">The clock for header timestamps. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger. Message contents are never logged.</param>
    public SqliteConversationStore(SqliteConversationStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteConversationStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false, // the store pools open connections itself, with their prepared statements
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        var pragmas = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
        PooledSqliteConnection Open() => PooledSqliteConnection.Open(connectionString, pragmas);

        // Reads run on any number of connections at once (WAL readers do not block each other or the writer). Writes
        // are serialised by _writeGate anyway, so they get a pool of their own that keeps one connection: the write
        // statements stay prepared on that connection only, and a read never waits for a connection a write holds.
        _readers = new SqliteConnectionPool(Open, Math.Max(4, 2 * Environment.ProcessorCount));
        _writer = new SqliteConnectionPool(Open, maxIdle: 1);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(_options.DatabasePath);

    /// <inheritdoc />
    /// <remarks>
    /// The header and the turns are read by one statement: a consistent snapshot that, in WAL mode, takes no lock, so a
    /// load never waits for a writer (in this process or another).
    /// </remarks>
    public async Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTurns);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.Use(connection => Load(connection, sessionId, maxTurns));
    }

    /// <inheritdoc />
    public async Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(turnId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.Use(connection => FindTurn(connection, sessionId, turnId));
    }

    /// <summary>
    /// Closes the store's open connections. Using the store afterwards throws <see cref="ObjectDisposedException"/>;
    /// an operation already running finishes, and its connection is closed when it ends.
    /// </summary>
    public void Dispose()
    {
        // The gates are not disposed: they never create a wait handle, and an operation still running must be able to
        // release them.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _readers.Dispose();
            _writer.Dispose();
        }
    }
}
