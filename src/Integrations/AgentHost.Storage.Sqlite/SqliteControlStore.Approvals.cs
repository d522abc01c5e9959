using System.Text.Json;
using AgentHost.Abstractions.Control;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>Approval requests: a row per request, its JSON body, and the version every change is conditional on.</summary>
public sealed partial class SqliteControlStore : IApprovalStore
{
    /// <inheritdoc />
    public Task<ApprovalRequest> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = request with { Version = 1 };
        var body = JsonSerializer.SerializeToUtf8Bytes(stored, ControlJsonContext.Default.ApprovalRequest);
        return WriteAsync(
            connection =>
            {
                var insert = connection.Command(SqliteControlSchema.InsertApproval);
                insert.Parameters["$id"].Value = stored.Id;
                insert.Parameters["$session"].Value = stored.SessionId;
                insert.Parameters["$status"].Value = StatusName(stored.Status);
                insert.Parameters["$createdAt"].Value = SqliteRows.ToTicks(stored.CreatedAt);
                insert.Parameters["$body"].Value = body;
                var inserted = insert.ExecuteNonQuery() == 1;
                insert.Parameters["$body"].Value = DBNull.Value;
                return inserted ? stored : ReadApproval(connection, stored.Id) ?? throw new InvalidOperationException($"Approval request {stored.Id} vanished while it was created.");
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return ReadAsync(connection => ReadApproval(connection, requestId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyList<ApprovalRequest>>(
            connection =>
            {
                var command = connection.Command(SqliteControlSchema.ListApprovals);
                command.Parameters["$status"].Value = query.Status is { } status ? StatusName(status) : DBNull.Value;
                command.Parameters["$session"].Value = (object?)query.SessionId ?? DBNull.Value;
                command.Parameters["$limit"].Value = Math.Max(0, query.Limit);
                var list = new List<ApprovalRequest>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(ReadApprovalRow(reader));
                }

                return list;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(ApprovalRequest updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var body = JsonSerializer.SerializeToUtf8Bytes(updated, ControlJsonContext.Default.ApprovalRequest);
        return WriteAsync(
            connection =>
            {
                var replace = connection.Command(SqliteControlSchema.ReplaceApproval);
                replace.Parameters["$id"].Value = updated.Id;
                replace.Parameters["$status"].Value = StatusName(updated.Status);
                replace.Parameters["$version"].Value = updated.Version;
                replace.Parameters["$body"].Value = body;
                var changed = replace.ExecuteNonQuery() == 1;
                replace.Parameters["$body"].Value = DBNull.Value;
                return changed;
            },
            cancellationToken);
    }

    private static ApprovalRequest? ReadApproval(PooledSqliteConnection connection, string id)
    {
        var command = connection.Command(SqliteControlSchema.SelectApproval);
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadApprovalRow(reader) : null;
    }

    private static ApprovalRequest ReadApprovalRow(SqliteDataReader reader)
    {
        var body = BytesOf(reader, 0);
        var request = JsonSerializer.Deserialize(body, ControlJsonContext.Default.ApprovalRequest)
            ?? throw new InvalidDataException("A stored approval request is empty.");
        return request with { Version = reader.GetInt64(1) };
    }

    private static string StatusName(ApprovalStatus status) => status.ToString().ToLowerInvariant();
}
