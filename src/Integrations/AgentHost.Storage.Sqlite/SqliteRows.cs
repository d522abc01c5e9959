using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>Maps rows to records. Instants are stored as UTC ticks, so they round-trip exactly.</summary>
internal static class SqliteRows
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static TurnRecord ReadTurn(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        FromTicks(reader.GetInt64(3)),
        ConversationJson.DeserializeMessages((byte[])reader.GetValue(4)),
        ConversationJson.DeserializeOutcome((byte[])reader.GetValue(5)));

    public static SessionHeader ReadHeader(SqliteDataReader reader) => new(
        reader.GetString(0),
        FromTicks(reader.GetInt64(1)),
        FromTicks(reader.GetInt64(2)),
        reader.GetInt64(3),
        ConversationJson.DeserializeMetadata((byte[])reader.GetValue(4)));
}
