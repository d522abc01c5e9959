using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// Maps rows to records. Instants are stored as UTC ticks, so they round-trip exactly. JSON columns are deserialized
/// straight from SQLite's buffer for the current row (no intermediate byte array).
/// </summary>
internal static class SqliteRows
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Reads <see cref="SqliteSchema.TurnColumns"/>, starting at column <paramref name="first"/>.</summary>
    public static TurnRecord ReadTurn(SqliteDataReader reader, int first = 0) => new(
        reader.GetString(first),
        reader.GetInt64(first + 1),
        reader.GetString(first + 2),
        FromTicks(reader.GetInt64(first + 3)),
        ConversationJson.DeserializeMessages(Blob(reader, first + 4)),
        ConversationJson.DeserializeOutcome(Blob(reader, first + 5)));

    /// <summary>Reads <see cref="SqliteSchema.SessionColumns"/>, starting at column <paramref name="first"/>.</summary>
    public static SessionHeader ReadHeader(SqliteDataReader reader, int first = 0) => new(
        reader.GetString(first),
        FromTicks(reader.GetInt64(first + 1)),
        FromTicks(reader.GetInt64(first + 2)),
        reader.GetInt64(first + 3),
        ConversationJson.DeserializeMetadata(Blob(reader, first + 4)));

    /// <summary>A blob column of the current row; valid only until the reader moves on.</summary>
    private static ReadOnlySpan<byte> Blob(SqliteDataReader reader, int ordinal) =>
        SQLitePCL.raw.sqlite3_column_blob(reader.Handle ?? throw new InvalidOperationException("The reader has no current row."), ordinal);
}
