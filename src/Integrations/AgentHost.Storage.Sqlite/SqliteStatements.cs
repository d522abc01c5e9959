namespace AgentHost.Storage.Sqlite;

/// <summary>Every statement the store runs against the schema of <see cref="SqliteSchema"/>.</summary>
internal static class SqliteStatements
{
    /// <summary>A session's header row, or no row.</summary>
    public static readonly SqliteStatement SelectHeader = new(
        $"SELECT {SqliteSchema.SessionColumns} FROM sessions WHERE session_id = $session",
        "$session");

    /// <summary>The turn with a turn id in a session, or no row.</summary>
    public static readonly SqliteStatement SelectTurnById = new(
        $"SELECT {SqliteSchema.TurnColumns} FROM turns WHERE session_id = $session AND turn_id = $turnId",
        "$session",
        "$turnId");

    /// <summary>
    /// What an append checks, in one row (always exactly one): the session's header columns
    /// (<see cref="SqliteSchema.SessionColumns"/>, all NULL when the session does not exist), then the columns of the
    /// turn with the turn id (<see cref="SqliteSchema.TurnColumns"/>, all NULL when there is none).
    /// </summary>
    public static readonly SqliteStatement SelectHeaderAndTurnById = new(
        $"""
        SELECT {SqliteSchema.Qualified("s", SqliteSchema.SessionColumns)}, {SqliteSchema.Qualified("t", SqliteSchema.TurnColumns)}
        FROM (SELECT $session AS session_id, $turnId AS turn_id) AS k
        LEFT JOIN sessions AS s ON s.session_id = k.session_id
        LEFT JOIN turns AS t ON t.session_id = k.session_id AND t.turn_id = k.turn_id
        """,
        "$session",
        "$turnId");

    /// <summary>
    /// What a load reads, in one statement (a statement is its own snapshot, so no transaction is needed): no row when
    /// the session does not exist; otherwise one row per turn of the newest <c>$limit</c>, newest first, each the
    /// header's columns (<see cref="SqliteSchema.SessionColumns"/>) then the turn's (<see cref="SqliteSchema.TurnColumns"/>),
    /// or a single row with NULL turn columns when the session has no turns or <c>$limit</c> is 0 (the join's condition
    /// is then false, and the outer LIMIT keeps that one row). The header is a primary-key lookup that yields one row,
    /// so SQLite walks the turns' primary key backwards for the ORDER BY: no sorter and no materialised subquery.
    /// </summary>
    public static readonly SqliteStatement SelectHeaderAndRecentTurns = new(
        $"""
        SELECT {SqliteSchema.Qualified("s", SqliteSchema.SessionColumns)}, {SqliteSchema.Qualified("t", SqliteSchema.TurnColumns)}
        FROM sessions AS s
        LEFT JOIN turns AS t ON t.session_id = s.session_id AND $limit > 0
        WHERE s.session_id = $session
        ORDER BY t.sequence DESC
        LIMIT max($limit, 1)
        """,
        "$session",
        "$limit");

    /// <summary>One page of a session's turns from a sequence number on, oldest first.</summary>
    public static readonly SqliteStatement SelectTurnPage = new(
        $"SELECT {SqliteSchema.TurnColumns} FROM turns WHERE session_id = $session AND sequence >= $from ORDER BY sequence LIMIT $limit",
        "$session",
        "$from",
        "$limit");

    /// <summary>Session headers, most recently updated first, optionally filtered by status and update time.</summary>
    public static readonly SqliteStatement SelectSessions = new(
        $"""
        SELECT {SqliteSchema.SessionColumns} FROM sessions
        WHERE ($status IS NULL OR status = $status) AND ($since IS NULL OR updated_at >= $since)
        ORDER BY updated_at DESC, session_id LIMIT $limit
        """,
        "$status",
        "$since",
        "$limit");

    /// <summary>Inserts a turn row (fails on a taken sequence or turn id).</summary>
    public static readonly SqliteStatement InsertTurn = new(
        $"INSERT INTO turns ({SqliteSchema.TurnColumns}) VALUES ($session, $sequence, $turnId, $createdAt, $messages, $outcome)",
        "$session",
        "$sequence",
        "$turnId",
        "$createdAt",
        "$messages",
        "$outcome");

    /// <summary>Inserts a header row, or updates everything but its creation time.</summary>
    public static readonly SqliteStatement UpsertHeader = new(
        $"""
        INSERT INTO sessions ({SqliteSchema.SessionColumns}, status) VALUES ($session, $createdAt, $updatedAt, $turnCount, $metadata, $status)
        ON CONFLICT (session_id) DO UPDATE SET updated_at = excluded.updated_at, turn_count = excluded.turn_count,
            metadata = excluded.metadata, status = excluded.status
        """,
        "$session",
        "$createdAt",
        "$updatedAt",
        "$turnCount",
        "$metadata",
        "$status");

    /// <summary>Starts a write transaction, taking the write lock now (see <see cref="SqliteWriteTransaction"/>).</summary>
    public static readonly SqliteStatement BeginImmediate = new("BEGIN IMMEDIATE");

    /// <summary>Commits the open transaction.</summary>
    public static readonly SqliteStatement Commit = new("COMMIT");

    /// <summary>Rolls back the open transaction.</summary>
    public static readonly SqliteStatement Rollback = new("ROLLBACK");

    /// <summary>Deletes a session's turns.</summary>
    public static readonly SqliteStatement DeleteTurns = new("DELETE FROM turns WHERE session_id = $session", "$session");

    /// <summary>Deletes a session's header (one row affected when the session existed).</summary>
    public static readonly SqliteStatement DeleteHeader = new("DELETE FROM sessions WHERE session_id = $session", "$session");
}
