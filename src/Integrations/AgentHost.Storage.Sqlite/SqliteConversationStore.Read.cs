using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// Reading history and listing sessions. Every read is one statement, which needs no transaction (a statement is its
/// own snapshot) and, in WAL mode, takes no lock.
/// </summary>
public sealed partial class SqliteConversationStore
{
    /// <inheritdoc />
    /// <remarks>Each page is one query on a pooled connection; no connection or snapshot is held between pages.</remarks>
    public async IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var next = Math.Max(1, fromSequence);
        var pageSize = Math.Max(1, _options.ReadPageSize);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = next;
            var page = _readers.Use(connection => ReadTurnPage(connection, sessionId, from, pageSize));
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
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (query.Limit <= 0)
        {
            return [];
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.Use(connection =>
        {
            var command = connection.Command(SqliteStatements.SelectSessions);
            command.Parameters["$status"].Value = (object?)query.Status ?? DBNull.Value;
            command.Parameters["$since"].Value = query.UpdatedSince is { } since ? SqliteRows.ToTicks(since) : DBNull.Value;
            command.Parameters["$limit"].Value = query.Limit;
            using var reader = command.ExecuteReader();
            var sessions = new List<SessionHeader>();
            while (reader.Read())
            {
                sessions.Add(SqliteRows.ReadHeader(reader));
            }

            return sessions;
        });
    }

    /// <summary>
    /// The header and the newest <paramref name="maxTurns"/> turns (oldest first) from one statement, which is its own
    /// WAL snapshot: no <c>BEGIN</c>/<c>COMMIT</c> round trips (Microsoft.Data.Sqlite prepares and finalizes both on
    /// every transaction) and no lock.
    /// </summary>
    private static ConversationSnapshot Load(PooledSqliteConnection connection, string sessionId, int maxTurns)
    {
        var command = connection.Command(SqliteStatements.SelectHeaderAndRecentTurns);
        command.Parameters["$session"].Value = sessionId;
        command.Parameters["$limit"].Value = maxTurns;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return ConversationSnapshot.Empty;
        }

        // Every row repeats the header; it is read from the first one only.
        var header = SqliteRows.ReadHeader(reader);
        const int firstTurnColumn = SqliteSchema.SessionColumnCount;
        if (reader.IsDBNull(firstTurnColumn))
        {
            return new ConversationSnapshot(header, []);
        }

        var turns = new List<TurnRecord>(Math.Min(maxTurns, 256));
        do
        {
            turns.Add(SqliteRows.ReadTurn(reader, firstTurnColumn));
        }
        while (reader.Read());

        // The statement reads newest first (so LIMIT keeps the newest); a snapshot lists them oldest first.
        turns.Reverse();
        return new ConversationSnapshot(header, turns);
    }

    private static List<TurnRecord> ReadTurnPage(PooledSqliteConnection connection, string sessionId, long fromSequence, int pageSize)
    {
        var command = connection.Command(SqliteStatements.SelectTurnPage);
        command.Parameters["$session"].Value = sessionId;
        command.Parameters["$from"].Value = fromSequence;
        command.Parameters["$limit"].Value = pageSize;
        using var reader = command.ExecuteReader();
        var page = new List<TurnRecord>(pageSize);
        while (reader.Read())
        {
            page.Add(SqliteRows.ReadTurn(reader));
        }

        return page;
    }

    private static SessionHeader? ReadHeader(PooledSqliteConnection connection, string sessionId)
    {
        var command = connection.Command(SqliteStatements.SelectHeader);
        command.Parameters["$session"].Value = sessionId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteRows.ReadHeader(reader) : null;
    }

    private static TurnRecord? FindTurn(PooledSqliteConnection connection, string sessionId, string turnId)
    {
        var command = connection.Command(SqliteStatements.SelectTurnById);
        command.Parameters["$session"].Value = sessionId;
        command.Parameters["$turnId"].Value = turnId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteRows.ReadTurn(reader) : null;
    }
}
