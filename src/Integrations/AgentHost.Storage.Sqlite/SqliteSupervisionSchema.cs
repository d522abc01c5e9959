namespace AgentHost.Storage.Sqlite;

/// <summary>
/// The supervision tables: activity events (a row per event, numbered per session), the per-session live summary, and
/// supervisor guidance (consumed with a conditional UPDATE). Events and summaries older than the retention are deleted by
/// <see cref="SqliteSupervisionStore.PurgeAsync"/>.
/// </summary>
internal static class SqliteSupervisionSchema
{
    /// <summary>Creates the tables and indexes when missing (idempotent).</summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS activity_events (
            session_id   TEXT    NOT NULL,
            sequence     INTEGER NOT NULL,
            at           INTEGER NOT NULL,
            body         BLOB    NOT NULL,
            PRIMARY KEY (session_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS live_sessions (
            session_id    TEXT    NOT NULL PRIMARY KEY,
            last_activity INTEGER NOT NULL,
            contact_id    TEXT    NULL,
            body          BLOB    NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_live_sessions_activity ON live_sessions (last_activity DESC, session_id);
        CREATE INDEX IF NOT EXISTS ix_live_sessions_contact ON live_sessions (contact_id, last_activity DESC);
        CREATE TABLE IF NOT EXISTS supervisor_guidance (
            id           TEXT    NOT NULL PRIMARY KEY,
            session_id   TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            consumed_at  INTEGER NULL,
            body         BLOB    NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_guidance_pending ON supervisor_guidance (session_id, consumed_at, created_at);
        """;

    public static readonly SqliteStatement SelectLive = new("SELECT body FROM live_sessions WHERE session_id = $session", "$session");

    public static readonly SqliteStatement UpsertLive = new(
        "INSERT INTO live_sessions (session_id, last_activity, contact_id, body) VALUES ($session, $at, $contact, $body) " +
        "ON CONFLICT (session_id) DO UPDATE SET last_activity = excluded.last_activity, contact_id = excluded.contact_id, body = excluded.body",
        "$session", "$at", "$contact", "$body");

    public static readonly SqliteStatement InsertEvent = new(
        "INSERT INTO activity_events (session_id, sequence, at, body) VALUES ($session, $sequence, $at, $body)",
        "$session", "$sequence", "$at", "$body");

    public static readonly SqliteStatement ReadEvents = new(
        "SELECT body, sequence FROM activity_events WHERE session_id = $session AND sequence > $after ORDER BY sequence LIMIT $limit",
        "$session", "$after", "$limit");

    public static readonly SqliteStatement ListLive = new("SELECT body FROM live_sessions ORDER BY last_activity DESC, session_id LIMIT $limit", "$limit");

    public static readonly SqliteStatement FindByContact = new("SELECT body FROM live_sessions WHERE contact_id = $contact ORDER BY last_activity DESC LIMIT 1", "$contact");

    public static readonly SqliteStatement InsertGuidance = new(
        "INSERT INTO supervisor_guidance (id, session_id, created_at, consumed_at, body) VALUES ($id, $session, $createdAt, NULL, $body)",
        "$id", "$session", "$createdAt", "$body");

    public static readonly SqliteStatement PendingGuidance = new(
        "SELECT body FROM supervisor_guidance WHERE session_id = $session AND consumed_at IS NULL ORDER BY created_at, id",
        "$session");

    public static readonly SqliteStatement SelectGuidance = new("SELECT body FROM supervisor_guidance WHERE id = $id AND session_id = $session", "$id", "$session");

    public static readonly SqliteStatement ConsumeGuidance = new(
        "UPDATE supervisor_guidance SET consumed_at = $at, body = $body WHERE id = $id AND session_id = $session AND consumed_at IS NULL",
        "$id", "$session", "$at", "$body");

    public static readonly SqliteStatement ListGuidance = new(
        "SELECT body FROM supervisor_guidance WHERE session_id = $session ORDER BY created_at, id",
        "$session");

    public static readonly SqliteStatement PurgeEvents = new("DELETE FROM activity_events WHERE at < $before", "$before");

    public static readonly SqliteStatement PurgeLive = new("DELETE FROM live_sessions WHERE last_activity < $before", "$before");
}
