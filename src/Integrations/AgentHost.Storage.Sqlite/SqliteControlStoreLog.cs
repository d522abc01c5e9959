using Microsoft.Extensions.Logging;

namespace AgentHost.Storage.Sqlite;

/// <summary>Source-generated log messages of the SQLite control store (event ids 6100-6199). Never logs arguments or results.</summary>
internal static partial class SqliteControlStoreLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "SQLite control store (approvals, intents, audit) ready at {DatabasePath}")]
    public static partial void SchemaReady(ILogger logger, string databasePath);
}
