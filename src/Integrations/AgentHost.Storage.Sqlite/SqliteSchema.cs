namespace AgentHost.Storage.Sqlite;

/// <summary>The database schema: a session header table and an append-only turns table.</summary>
internal static class SqliteSchema
{
    /// <summary>Creates the tables and indexes when missing (idempotent).</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS sessions (
            session_id   TEXT    NOT NULL PRIMARY KEY,
            created_at   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL,
            turn_count   INTEGER NOT NULL,
            status       TEXT    NULL,
            metadata     BLOB    NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_sessions_updated ON sessions (updated_at DESC, session_id);
        CREATE INDEX IF NOT EXISTS ix_sessions_status_updated ON sessions (status, updated_at DESC, session_id);
        CREATE TABLE IF NOT EXISTS turns (
            session_id   TEXT    NOT NULL,
            sequence     INTEGER NOT NULL,
            turn_id      TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            messages     BLOB    NOT NULL,
            outcome      BLOB    NOT NULL,
            PRIMARY KEY (session_id, sequence),
            UNIQUE (session_id, turn_id)
        ) WITHOUT ROWID;
        """;

    /// <summary>The columns of a turn row, in the order <see cref="SqliteRows.ReadTurn"/> expects.</summary>
    public const string TurnColumns = "session_id, sequence, turn_id, created_at, messages, outcome";

    /// <summary>The columns of a session row, in the order <see cref="SqliteRows.ReadHeader"/> expects.</summary>
    public const string SessionColumns = "session_id, created_at, updated_at, turn_count, metadata";

    /// <summary>How many columns <see cref="SessionColumns"/> lists.</summary>
    public const int SessionColumnCount = 5;

    /// <summary>A column list with every column qualified by a table alias: <c>s.session_id, s.created_at, ...</c>.</summary>
    public static string Qualified(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(column => $"{alias}.{column}"));
}
