namespace AgentHost.Storage.Sqlite;

/// <summary>Creating the schema on first use.</summary>
public sealed partial class SqliteConversationStore
{
    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // WAL is a property of the file (it persists); the schema statements are idempotent. The connection that ran
            // them stays open as the writer's.
            _writer.Use(connection =>
            {
                connection.Execute($"PRAGMA journal_mode = WAL; {SqliteSchema.Create}");
                return true;
            });
            _initialized = true;
            SqliteConversationStoreLog.SchemaReady(_logger, DatabasePath);
        }
        finally
        {
            _initGate.Release();
        }
    }
}
