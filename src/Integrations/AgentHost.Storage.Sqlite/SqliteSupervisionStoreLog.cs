using Microsoft.Extensions.Logging;

namespace AgentHost.Storage.Sqlite;

/// <summary>Log messages of <see cref="SqliteSupervisionStore"/>.</summary>
internal static partial class SqliteSupervisionStoreLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "SQLite supervision store (activity feed, guidance) ready at {DatabasePath}")]
    public static partial void SchemaReady(ILogger logger, string databasePath);
}
