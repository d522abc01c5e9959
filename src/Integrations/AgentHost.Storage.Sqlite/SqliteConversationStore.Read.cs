using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>Reading history, listing sessions, and opening connections.</summary>
public sealed partial class SqliteConversationStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var next = Math.Max(1, fromSequence);
        var pageSize = Math.Max(1, _options.ReadPageSize);
        while (true)
        {
            var page = new List<TurnRecord>(pageSize);
            await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT {SqliteSchema.TurnColumns} FROM turns WHERE session_id = $session AND sequence >= $from ORDER BY sequence LIMIT $limit";
                command.Parameters.AddWithValue("$session", sessionId);
                command.Parameters.AddWithValue("$from", next);
                command.Parameters.AddWithValue("$limit", pageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(SqliteRows.ReadTurn(reader));
                }
            }

            foreach (var turn in page)
            {
                yield return turn;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            next = page[^1].Sequence + 1;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(SessionListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sessions = new List<SessionHeader>();
        if (query.Limit <= 0)
        {
            return sessions;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteSchema.SessionColumns} FROM sessions
            WHERE ($status IS NULL OR status = $status) AND ($since IS NULL OR updated_at >= $since)
            ORDER BY updated_at DESC, session_id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$status", (object?)query.Status ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", query.UpdatedSince is { } since ? SqliteRows.ToTicks(since) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sessions.Add(SqliteRows.ReadHeader(reader));
        }

        return sessions;
    }

    private static async Task<SessionHeader?> ReadHeaderAsync(SqliteConnection connection, SqliteTransaction? transaction, string sessionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteSchema.SessionColumns} FROM sessions WHERE session_id = $session";
        command.Parameters.AddWithValue("$session", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? SqliteRows.ReadHeader(reader) : null;
    }

    private static async Task<TurnRecord?> FindTurnAsync(SqliteConnection connection, SqliteTransaction? transaction, string sessionId, string turnId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteSchema.TurnColumns} FROM turns WHERE session_id = $session AND turn_id = $turnId";
        command.Parameters.AddWithValue("$session", sessionId);
        command.Parameters.AddWithValue("$turnId", turnId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? SqliteRows.ReadTurn(reader) : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // The pragmas are per native connection, and pooled connections keep theirs: set them once per handle, not on
            // every open (two statements fewer to prepare and run on each read and write).
            if (connection.Handle is { } handle && !_configuredHandles.TryGetValue(handle, out _))
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = _pragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _configuredHandles.AddOrUpdate(handle, ConfiguredMarker);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
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

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; {SqliteSchema.Create}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
            SqliteConversationStoreLog.SchemaReady(_logger, DatabasePath);
        }
        finally
        {
            _initGate.Release();
        }
    }
}
