namespace AgentHost.Storage.Sqlite;

/// <summary>Settings of <see cref="SqliteConversationStore"/>.</summary>
public sealed class SqliteConversationStoreOptions
{
    /// <summary>The environment variable that overrides <see cref="DatabasePath"/>: <c>AGENTHOST_SQLITE_PATH</c>.</summary>
    public const string DatabasePathVariable = "AGENTHOST_SQLITE_PATH";

    /// <summary>The default database path, relative to the working directory: <c>.data/agenthost.db</c>.</summary>
    public const string DefaultDatabasePath = ".data/agenthost.db";

    /// <summary>
    /// The SQLite database file. Its folder is created when missing. Default: <see cref="DefaultDatabasePath"/>.
    /// The file holds conversation contents (possibly personal data): keep it on a protected volume.
    /// </summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>
    /// How long a write waits for another connection or process that holds the database lock before failing.
    /// Default: 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many turns <see cref="SqliteConversationStore.ReadTurnsAsync"/> reads per query. Default: 100.
    /// </summary>
    public int ReadPageSize { get; set; } = 100;

    /// <summary>
    /// Creates options from the environment: <c>AGENTHOST_SQLITE_PATH</c> (default <see cref="DefaultDatabasePath"/>).
    /// </summary>
    public static SqliteConversationStoreOptions FromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(DatabasePathVariable);
        return new SqliteConversationStoreOptions
        {
            DatabasePath = string.IsNullOrWhiteSpace(path) ? DefaultDatabasePath : path.Trim(),
        };
    }
}
