using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// Audit chains: a record is inserted by one statement (never updated or deleted: triggers refuse it); triggers check it
/// follows the session's head and move the head in the same implicit transaction. Several records of one session
/// (<see cref="TryAppendManyAsync"/>) are inserted in one explicit transaction.
/// </summary>
public sealed partial class SqliteControlStore : IAuditStore, IAuditBatchStore
{
    private const int AuditPageSize = 500;

    /// <inheritdoc />
    public Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return ReadAsync(connection => ReadHead(connection, sessionId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = EncodeAuditRecord(record);
        return WriteAsync(
            connection =>
            {
                var insert = connection.Command(SqliteControlSchema.InsertAuditRecord);
                insert.Parameters["$session"].Value = record.SessionId;
                insert.Parameters["$sequence"].Value = record.Sequence;
                insert.Parameters["$hash"].Value = record.Hash;
                insert.Parameters["$record"].Value = body;
                try
                {
                    insert.ExecuteNonQuery();
                    return true;
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode is 19 /* SQLITE_CONSTRAINT: a trigger's RAISE(ABORT) or the key */)
                {
                    // Another writer appended first (the chain moved) or the sequence number is taken.
                    return false;
                }
                finally
                {
                    insert.Parameters["$record"].Value = DBNull.Value;
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryAppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var bodies = new byte[records.Count][];
        for (var i = 0; i < records.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(records[i]);
            bodies[i] = EncodeAuditRecord(records[i]);
        }

        return WriteAsync(
            connection =>
            {
                // One transaction: the triggers check each record against the head the one before it moved; a refusal rolls all back.
                using var transaction = connection.BeginWriteTransaction();
                var insert = connection.Command(SqliteControlSchema.InsertAuditRecord);
                try
                {
                    for (var i = 0; i < records.Count; i++)
                    {
                        insert.Parameters["$session"].Value = records[i].SessionId;
                        insert.Parameters["$sequence"].Value = records[i].Sequence;
                        insert.Parameters["$hash"].Value = records[i].Hash;
                        insert.Parameters["$record"].Value = bodies[i];
                        insert.ExecuteNonQuery();
                    }

                    transaction.Commit();
                    return true;
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode is 19 /* SQLITE_CONSTRAINT: a trigger's RAISE(ABORT) or the key */)
                {
                    return false; // the transaction rolls back when disposed
                }
                finally
                {
                    insert.Parameters["$record"].Value = DBNull.Value;
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var next = fromSequence;
        while (true)
        {
            var page = await ReadAsync(
                connection =>
                {
                    var select = connection.Command(SqliteControlSchema.SelectAuditRecords);
                    select.Parameters["$session"].Value = sessionId;
                    select.Parameters["$from"].Value = next;
                    select.Parameters["$limit"].Value = AuditPageSize;
                    var records = new List<AuditRecord>();
                    using var reader = select.ExecuteReader();
                    while (reader.Read())
                    {
                        records.Add(DecodeAuditRecord(BytesOf(reader, 0)));
                    }

                    return records;
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }

            if (page.Count < AuditPageSize)
            {
                yield break;
            }

            next = page[^1].Sequence + 1;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListSessionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sessions = await ReadAsync(
            connection =>
            {
                var select = connection.Command(SqliteControlSchema.SelectAuditSessions);
                var list = new List<string>();
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    list.Add(reader.GetString(0));
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            yield return session;
        }
    }

    /// <summary>The stored form of an audit record (its JSON line).</summary>
    internal static byte[] EncodeAuditRecord(AuditRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, ControlJsonContext.Default.AuditRecord);

    private static AuditRecord DecodeAuditRecord(byte[] body) =>
        JsonSerializer.Deserialize(body, ControlJsonContext.Default.AuditRecord) ?? throw new InvalidDataException("A stored audit record is empty.");

    private static AuditHead? ReadHead(PooledSqliteConnection connection, string sessionId)
    {
        var select = connection.Command(SqliteControlSchema.SelectAuditHead);
        select.Parameters["$session"].Value = sessionId;
        using var reader = select.ExecuteReader();
        return reader.Read() ? new AuditHead(sessionId, reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
