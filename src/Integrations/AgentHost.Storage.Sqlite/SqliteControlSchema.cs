namespace AgentHost.Storage.Sqlite;

/// <summary>
/// The control layer's tables: approval requests (mutable, conditional on their
/// version), tool intents (inserted once, completed once), and the append-only audit records with their per-session
/// heads. Triggers reject every UPDATE and DELETE of an audit record, and an INSERT over an existing one (so
/// <c>INSERT OR REPLACE</c> cannot overwrite it either); two more refuse a record that does not follow the session's head
/// and move the head, so an append is a single statement.
/// </summary>
internal static class SqliteControlSchema
{
    /// <summary>Creates the tables, indexes and triggers when missing (idempotent).</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS approval_requests (
            id           TEXT    NOT NULL PRIMARY KEY,
            session_id   TEXT    NOT NULL,
            status       TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            version      INTEGER NOT NULL,
            body         BLOB    NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_approval_requests_status ON approval_requests (status, created_at DESC, id);
        CREATE INDEX IF NOT EXISTS ix_approval_requests_session ON approval_requests (session_id, created_at DESC, id);
        CREATE INDEX IF NOT EXISTS ix_approval_requests_created ON approval_requests (created_at DESC, id);
        CREATE TABLE IF NOT EXISTS tool_intents (
            session_id      TEXT    NOT NULL,
            scope           TEXT    NOT NULL,
            tool_name       TEXT    NOT NULL,
            arguments_hash  TEXT    NOT NULL,
            occurrence      INTEGER NOT NULL,
            turn_id         TEXT    NOT NULL,
            call_id         TEXT    NOT NULL,
            created_at      INTEGER NOT NULL,
            outcome         BLOB    NULL,
            PRIMARY KEY (session_id, scope, tool_name, arguments_hash, occurrence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit_records (
            session_id   TEXT    NOT NULL,
            sequence     INTEGER NOT NULL,
            hash         TEXT    NOT NULL,
            record       BLOB    NOT NULL,
            PRIMARY KEY (session_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit_heads (
            session_id   TEXT    NOT NULL PRIMARY KEY,
            sequence     INTEGER NOT NULL,
            hash         TEXT    NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only: UPDATE is not allowed'); END;
        CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only: DELETE is not allowed'); END;
        CREATE TRIGGER IF NOT EXISTS audit_records_no_overwrite BEFORE INSERT ON audit_records
        WHEN EXISTS (SELECT 1 FROM audit_records WHERE session_id = NEW.session_id AND sequence = NEW.sequence)
        BEGIN SELECT RAISE(ABORT, 'audit records are append-only: a record cannot be replaced'); END;
        CREATE TRIGGER IF NOT EXISTS audit_records_chain BEFORE INSERT ON audit_records
        WHEN NEW.sequence <> COALESCE((SELECT sequence FROM audit_heads WHERE session_id = NEW.session_id), 0) + 1
        BEGIN SELECT RAISE(ABORT, 'audit chain moved: the record does not follow the head'); END;
        CREATE TRIGGER IF NOT EXISTS audit_records_head AFTER INSERT ON audit_records
        BEGIN
            INSERT INTO audit_heads (session_id, sequence, hash) VALUES (NEW.session_id, NEW.sequence, NEW.hash)
            ON CONFLICT (session_id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash;
        END;
        """;

    public static readonly SqliteStatement InsertApproval = new(
        "INSERT INTO approval_requests (id, session_id, status, created_at, version, body) VALUES ($id, $session, $status, $createdAt, 1, $body) ON CONFLICT (id) DO NOTHING",
        "$id", "$session", "$status", "$createdAt", "$body");

    public static readonly SqliteStatement SelectApproval = new("SELECT body, version FROM approval_requests WHERE id = $id", "$id");

    public static readonly SqliteStatement ReplaceApproval = new(
        "UPDATE approval_requests SET status = $status, version = $version, body = $body WHERE id = $id AND version = $version - 1",
        "$id", "$status", "$version", "$body");

    public static readonly SqliteStatement ListApprovals = new(
        """
        SELECT body, version FROM approval_requests
        WHERE ($status IS NULL OR status = $status) AND ($session IS NULL OR session_id = $session)
        ORDER BY created_at DESC, id LIMIT $limit
        """,
        "$status", "$session", "$limit");

    public static readonly SqliteStatement InsertIntent = new(
        """
        INSERT INTO tool_intents (session_id, scope, tool_name, arguments_hash, occurrence, turn_id, call_id, created_at, outcome)
        VALUES ($session, $scope, $tool, $hash, $occurrence, $turnId, $callId, $createdAt, NULL)
        ON CONFLICT DO NOTHING
        """,
        "$session", "$scope", "$tool", "$hash", "$occurrence", "$turnId", "$callId", "$createdAt");

    public static readonly SqliteStatement SelectIntent = new(
        "SELECT turn_id, call_id, created_at, outcome FROM tool_intents WHERE session_id = $session AND scope = $scope AND tool_name = $tool AND arguments_hash = $hash AND occurrence = $occurrence",
        "$session", "$scope", "$tool", "$hash", "$occurrence");

    public static readonly SqliteStatement CompleteIntent = new(
        "UPDATE tool_intents SET outcome = $outcome WHERE session_id = $session AND scope = $scope AND tool_name = $tool AND arguments_hash = $hash AND occurrence = $occurrence AND outcome IS NULL",
        "$session", "$scope", "$tool", "$hash", "$occurrence", "$outcome");

    public static readonly SqliteStatement SelectAuditHead = new("SELECT sequence, hash FROM audit_heads WHERE session_id = $session", "$session");

    /// <summary>
    /// Appends a record: one statement, so one implicit transaction. The triggers refuse it unless it follows the session's
    /// head, and move the head to it.
    /// </summary>
    public static readonly SqliteStatement InsertAuditRecord = new(
        "INSERT INTO audit_records (session_id, sequence, hash, record) VALUES ($session, $sequence, $hash, $record)",
        "$session", "$sequence", "$hash", "$record");

    public static readonly SqliteStatement SelectAuditRecords = new(
        "SELECT record FROM audit_records WHERE session_id = $session AND sequence >= $from ORDER BY sequence LIMIT $limit",
        "$session", "$from", "$limit");

    public static readonly SqliteStatement SelectAuditSessions = new(
        "SELECT session_id FROM audit_heads UNION SELECT DISTINCT session_id FROM audit_records ORDER BY 1");
}
