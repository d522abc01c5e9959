using System.Runtime.CompilerServices;
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
/// <see cref="SqliteConversationStoreOptions.BusyTimeout"/> for the database lock). Message contents are stored
/// whole and never truncated. The schema is created on first use.
/// </summary>
public sealed partial class SqliteConversationStore : IConversationStore, IDisposable
{
    private readonly SqliteConversationStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;
    private static readonly object ConfiguredMarker = new();
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configuredHandles = new();
    private readonly string _pragmas;

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
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        _pragmas = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(_options.DatabasePath);

    /// <inheritdoc />
    public async Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTurns);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var header = await ReadHeaderAsync(connection, transaction, sessionId, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return ConversationSnapshot.Empty;
        }

        var turns = new List<TurnRecord>(Math.Min(maxTurns, 256));
        if (maxTurns > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {SqliteSchema.TurnColumns} FROM turns WHERE session_id = $session ORDER BY sequence DESC LIMIT $limit";
            command.Parameters.AddWithValue("$session", sessionId);
            command.Parameters.AddWithValue("$limit", maxTurns);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                turns.Add(SqliteRows.ReadTurn(reader));
            }

            turns.Reverse();
        }

        return new ConversationSnapshot(header, turns);
    }

    /// <inheritdoc />
    public async Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(turnId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindTurnAsync(connection, null, sessionId, turnId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the internal locks. Pooled connections are released by SQLite's connection pool.</summary>
    public void Dispose()
    {
        _writeGate.Dispose();
        _initGate.Dispose();
    }
}
