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
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over the database file of <paramref name="options"/> (which may be the conversation store's own file). Nothing is opened until first use.</summary>
    public SqliteControlStore(SqliteConversationStoreOptions options, ILogger<SqliteControlStore>? logger = null)
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        _database = new SqliteDatabase(options, SqliteControlSchema.Create, () => SqliteControlStoreLog.SchemaReady(log, DatabasePath));
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.DatabasePath;

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
    public void Dispose() => _database.Dispose();

    /// <summary>Runs a write on the writer connection, serialised in this process (other processes wait on SQLite's lock).</summary>
    private Task<T> WriteAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken) => _database.WriteAsync(work, cancellationToken);

    /// <summary>A JSON column's bytes, whether SQLite holds it as a BLOB (as written) or as TEXT (as an edit in SQL may leave it).</summary>
    private static byte[] BytesOf(SqliteDataReader reader, int ordinal) => SqliteDatabase.BytesOf(reader, ordinal, "control record");

    /// <summary>Runs a read (one statement: its own snapshot, no lock).</summary>
    private Task<T> ReadAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken) => _database.ReadAsync(work, cancellationToken);
}
