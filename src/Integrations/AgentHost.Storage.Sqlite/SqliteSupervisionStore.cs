using System.Text.Json;
using AgentHost.Abstractions.Supervision;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// The activity feed and supervisor guidance in SQLite (<see cref="SqliteSupervisionSchema"/>; by default a file of its own
/// next to the conversation database, <see cref="DefaultPathFor"/>), shared by the runtime and the supervisor console or CLI
/// in other processes. A batch of events and its session summary are one <c>BEGIN IMMEDIATE</c> transaction (the batches of
/// several sessions too, <see cref="AppendManyAsync"/>); consuming
/// guidance is a conditional UPDATE (<c>consumed_at IS NULL</c>), so two processes cannot both consume it. Thread-safe.
/// </summary>
public sealed class SqliteSupervisionStore : IActivityFeed, IActivityFeedBatchWriter, IGuidanceStore, IDisposable
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over the database file of <paramref name="options"/>. Nothing is opened until first use.</summary>
    public SqliteSupervisionStore(SqliteConversationStoreOptions options, ILogger<SqliteSupervisionStore>? logger = null)
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        _database = new SqliteDatabase(options, SqliteSupervisionSchema.Create, () => SqliteSupervisionStoreLog.SchemaReady(log, DatabasePath));
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.DatabasePath;

    /// <summary>The default supervision database next to a conversation database: <c>agenthost.db</c> → <c>agenthost.supervisor.db</c>.</summary>
    public static string DefaultPathFor(string conversationDatabasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationDatabasePath);
        var extension = Path.GetExtension(conversationDatabasePath);
        return extension.Length == 0
            ? conversationDatabasePath + ".supervisor"
            : conversationDatabasePath[..^extension.Length] + ".supervisor" + extension;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityEvent>> AppendAsync(string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(update);
        return WriteAsync<IReadOnlyList<ActivityEvent>>(
            connection =>
            {
                using var transaction = connection.BeginWriteTransaction();
                var stored = AppendBatch(connection, sessionId, events, update);
                transaction.Commit();
                return stored;
            },
            cancellationToken);
    }

    /// <summary>Appends the batches of several sessions in one <c>BEGIN IMMEDIATE</c> transaction: all or none.</summary>
    public Task AppendManyAsync(IReadOnlyList<ActivityBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        foreach (var batch in batches)
        {
            ArgumentNullException.ThrowIfNull(batch);
            ArgumentException.ThrowIfNullOrEmpty(batch.SessionId);
        }

        return WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginWriteTransaction();
                foreach (var batch in batches)
                {
                    AppendBatch(connection, batch.SessionId, batch.Events, batch.Update);
                }

                transaction.Commit();
                return true;
            },
            cancellationToken);
    }

    /// <summary>One session's batch inside the caller's transaction: the events after the session's last sequence, then its summary.</summary>
    private static List<ActivityEvent> AppendBatch(PooledSqliteConnection connection, string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update)
    {
        var current = ReadLive(connection, sessionId);
        var next = current?.LastSequence ?? 0;
        var stored = new List<ActivityEvent>(events.Count);
        var insert = connection.Command(SqliteSupervisionSchema.InsertEvent);
        foreach (var activity in events)
        {
            var copy = activity with { SessionId = sessionId, Sequence = ++next };
            insert.Parameters["$session"].Value = sessionId;
            insert.Parameters["$sequence"].Value = copy.Sequence;
            insert.Parameters["$at"].Value = SqliteRows.ToTicks(copy.At);
            insert.Parameters["$body"].Value = JsonSerializer.SerializeToUtf8Bytes(copy, SupervisionJsonContext.Default.ActivityEvent);
            insert.ExecuteNonQuery();
            stored.Add(copy);
        }

        insert.Parameters["$body"].Value = DBNull.Value;
        var last = stored.Count > 0 ? stored[^1].At : current?.LastActivity ?? DateTimeOffset.UtcNow;
        var live = LiveSessionUpdates.Apply(current, sessionId, update, next, last);
        var upsert = connection.Command(SqliteSupervisionSchema.UpsertLive);
        upsert.Parameters["$session"].Value = sessionId;
        upsert.Parameters["$at"].Value = SqliteRows.ToTicks(live.LastActivity);
        upsert.Parameters["$contact"].Value = (object?)live.ContactId ?? DBNull.Value;
        upsert.Parameters["$body"].Value = JsonSerializer.SerializeToUtf8Bytes(live, SupervisionJsonContext.Default.LiveSession);
        upsert.ExecuteNonQuery();
        upsert.Parameters["$body"].Value = DBNull.Value;
        return stored;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityEvent>> ReadAsync(string sessionId, long afterSequence, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return ReadAsync<IReadOnlyList<ActivityEvent>>(
            connection =>
            {
                var command = connection.Command(SqliteSupervisionSchema.ReadEvents);
                command.Parameters["$session"].Value = sessionId;
                command.Parameters["$after"].Value = afterSequence;
                command.Parameters["$limit"].Value = Math.Max(0, limit);
                var list = new List<ActivityEvent>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(JsonSerializer.Deserialize(BytesOf(reader, 0), SupervisionJsonContext.Default.ActivityEvent)! with { Sequence = reader.GetInt64(1) });
                }

                return list;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LiveSession>> ListSessionsAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<LiveSession>>(
            connection =>
            {
                var command = connection.Command(SqliteSupervisionSchema.ListLive);
                command.Parameters["$limit"].Value = Math.Max(0, limit);
                var list = new List<LiveSession>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(JsonSerializer.Deserialize(BytesOf(reader, 0), SupervisionJsonContext.Default.LiveSession)!);
                }

                return list;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<LiveSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return ReadAsync(connection => ReadLive(connection, sessionId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<LiveSession?> FindByContactAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        return ReadAsync(
            connection =>
            {
                var command = connection.Command(SqliteSupervisionSchema.FindByContact);
                command.Parameters["$contact"].Value = contactId;
                using var reader = command.ExecuteReader();
                return reader.Read() ? JsonSerializer.Deserialize(BytesOf(reader, 0), SupervisionJsonContext.Default.LiveSession) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task AddAsync(SupervisorGuidance guidance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        var body = JsonSerializer.SerializeToUtf8Bytes(guidance with { ConsumedAt = null, ConsumedByTurn = null }, SupervisionJsonContext.Default.SupervisorGuidance);
        return WriteAsync(
            connection =>
            {
                var insert = connection.Command(SqliteSupervisionSchema.InsertGuidance);
                insert.Parameters["$id"].Value = guidance.Id;
                insert.Parameters["$session"].Value = guidance.SessionId;
                insert.Parameters["$createdAt"].Value = SqliteRows.ToTicks(guidance.CreatedAt);
                insert.Parameters["$body"].Value = body;
                insert.ExecuteNonQuery();
                insert.Parameters["$body"].Value = DBNull.Value;
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SupervisorGuidance>> GetPendingAsync(string sessionId, CancellationToken cancellationToken = default) =>
        ReadGuidanceAsync(SqliteSupervisionSchema.PendingGuidance, sessionId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SupervisorGuidance>> ListAsync(string sessionId, CancellationToken cancellationToken = default) =>
        ReadGuidanceAsync(SqliteSupervisionSchema.ListGuidance, sessionId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryConsumeAsync(string sessionId, string guidanceId, string turnId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(guidanceId);
        ArgumentException.ThrowIfNullOrEmpty(turnId);
        return WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginWriteTransaction();
                var select = connection.Command(SqliteSupervisionSchema.SelectGuidance);
                select.Parameters["$id"].Value = guidanceId;
                select.Parameters["$session"].Value = sessionId;
                SupervisorGuidance? guidance;
                using (var reader = select.ExecuteReader())
                {
                    guidance = reader.Read() ? JsonSerializer.Deserialize(BytesOf(reader, 0), SupervisionJsonContext.Default.SupervisorGuidance) : null;
                }

                if (guidance is null || !guidance.IsPending)
                {
                    return false;
                }

                var consume = connection.Command(SqliteSupervisionSchema.ConsumeGuidance);
                consume.Parameters["$id"].Value = guidanceId;
                consume.Parameters["$session"].Value = sessionId;
                consume.Parameters["$at"].Value = SqliteRows.ToTicks(at);
                consume.Parameters["$body"].Value = JsonSerializer.SerializeToUtf8Bytes(guidance with { ConsumedAt = at, ConsumedByTurn = turnId }, SupervisionJsonContext.Default.SupervisorGuidance);
                var changed = consume.ExecuteNonQuery() == 1;
                consume.Parameters["$body"].Value = DBNull.Value;
                transaction.Commit();
                return changed;
            },
            cancellationToken);
    }

    /// <summary>Deletes events and session summaries older than <paramref name="before"/> (the retention); returns the rows deleted.</summary>
    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        WriteAsync(
            connection =>
            {
                var events = connection.Command(SqliteSupervisionSchema.PurgeEvents);
                events.Parameters["$before"].Value = SqliteRows.ToTicks(before);
                var live = connection.Command(SqliteSupervisionSchema.PurgeLive);
                live.Parameters["$before"].Value = SqliteRows.ToTicks(before);
                return events.ExecuteNonQuery() + live.ExecuteNonQuery();
            },
            cancellationToken);

    /// <summary>Closes the store's connections.</summary>
    public void Dispose() => _database.Dispose();

    private Task<IReadOnlyList<SupervisorGuidance>> ReadGuidanceAsync(SqliteStatement statement, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return ReadAsync<IReadOnlyList<SupervisorGuidance>>(
            connection =>
            {
                var command = connection.Command(statement);
                command.Parameters["$session"].Value = sessionId;
                var list = new List<SupervisorGuidance>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(JsonSerializer.Deserialize(BytesOf(reader, 0), SupervisionJsonContext.Default.SupervisorGuidance)!);
                }

                return list;
            },
            cancellationToken);
    }

    private static LiveSession? ReadLive(PooledSqliteConnection connection, string sessionId)
    {
        var command = connection.Command(SqliteSupervisionSchema.SelectLive);
        command.Parameters["$session"].Value = sessionId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? JsonSerializer.Deserialize(BytesOf(reader, 0), SupervisionJsonContext.Default.LiveSession) : null;
    }

    private static byte[] BytesOf(SqliteDataReader reader, int ordinal) => SqliteDatabase.BytesOf(reader, ordinal, "supervision record");

    private Task<T> WriteAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken) => _database.WriteAsync(work, cancellationToken);

    private Task<T> ReadAsync<T>(Func<PooledSqliteConnection, T> work, CancellationToken cancellationToken) => _database.ReadAsync(work, cancellationToken);
}
