using System.Text.Json;
using AgentHost.Abstractions.Control;

namespace AgentHost.Storage.Sqlite;

/// <summary>Tool intents: inserted once (a conflicting insert does nothing), completed once (only while the outcome is NULL).</summary>
public sealed partial class SqliteControlStore : IToolIntentStore
{
    /// <inheritdoc />
    public Task<ToolIntentBeginResult> BeginAsync(ToolIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var stored = intent with { Outcome = null };
        return WriteAsync(
            connection =>
            {
                var insert = connection.Command(SqliteControlSchema.InsertIntent);
                BindKey(insert, stored.Key);
                insert.Parameters["$turnId"].Value = stored.TurnId;
                insert.Parameters["$callId"].Value = stored.CallId;
                insert.Parameters["$createdAt"].Value = SqliteRows.ToTicks(stored.CreatedAt);
                if (insert.ExecuteNonQuery() == 1)
                {
                    return new ToolIntentBeginResult(true, stored);
                }

                return new ToolIntentBeginResult(false, ReadIntent(connection, stored.Key) ?? throw new InvalidOperationException("A conflicting tool intent vanished."));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(ToolIntentKey key, ToolIntentOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(outcome);
        var body = JsonSerializer.SerializeToUtf8Bytes(outcome, ControlJsonContext.Default.ToolIntentOutcome);
        return WriteAsync(
            connection =>
            {
                var complete = connection.Command(SqliteControlSchema.CompleteIntent);
                BindKey(complete, key);
                complete.Parameters["$outcome"].Value = body;
                var changed = complete.ExecuteNonQuery() == 1;
                complete.Parameters["$outcome"].Value = DBNull.Value;
                return changed;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ToolIntent?> GetAsync(ToolIntentKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(connection => ReadIntent(connection, key), cancellationToken);
    }

    private static ToolIntent? ReadIntent(PooledSqliteConnection connection, ToolIntentKey key)
    {
        var select = connection.Command(SqliteControlSchema.SelectIntent);
        BindKey(select, key);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ToolIntent
        {
            Key = key,
            TurnId = reader.GetString(0),
            CallId = reader.GetString(1),
            CreatedAt = SqliteRows.FromTicks(reader.GetInt64(2)),
            Outcome = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize(BytesOf(reader, 3), ControlJsonContext.Default.ToolIntentOutcome),
        };
    }

    private static void BindKey(Microsoft.Data.Sqlite.SqliteCommand command, ToolIntentKey key)
    {
        command.Parameters["$session"].Value = key.SessionId;
        command.Parameters["$scope"].Value = key.Scope;
        command.Parameters["$tool"].Value = key.ToolName;
        command.Parameters["$hash"].Value = key.ArgumentsHash;
        command.Parameters["$occurrence"].Value = key.Occurrence;
    }
}
