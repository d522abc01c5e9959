using AgentHost.Abstractions.Conversations;

namespace AgentHost.Storage.Sqlite;

/// <summary>
/// Appending turns and changing headers: every write is one <c>BEGIN IMMEDIATE</c> transaction on the writer
/// connection, serialised in this process by <c>_writeGate</c> (other processes wait on SQLite's lock).
/// </summary>
public sealed partial class SqliteConversationStore
{
    /// <inheritdoc />
    /// <remarks>
    /// A sequence number other than the session's turn count plus one (taken, or leaving a gap) throws
    /// <see cref="ConversationConflictException"/>: reload the conversation and retry. The turn id is checked first,
    /// so a retry of a stored turn returns <see cref="AppendOutcome.Duplicate"/> even after later turns were stored.
    /// A new session gets the status <see cref="SessionStatuses.Active"/> unless <paramref name="metadata"/> sets one.
    /// </remarks>
    public async Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(turn.SessionId);
        ArgumentException.ThrowIfNullOrEmpty(turn.TurnId);
        ArgumentOutOfRangeException.ThrowIfLessThan(turn.Sequence, 1);
        var messages = ConversationJson.SerializeMessages(turn.Messages);
        var outcome = ConversationJson.SerializeOutcome(turn.Outcome);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        AppendTurnResult? result;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = _writer.Use(connection => Append(connection, turn, metadata, messages, outcome));
        }
        finally
        {
            _writeGate.Release();
        }

        // A conflict is thrown only here, after the rolled-back connection went back to the pool in a clean state.
        return result ?? throw new ConversationConflictException(turn.SessionId, turn.Sequence);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(metadata);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _writer.Use(connection =>
            {
                using var transaction = connection.BeginWriteTransaction();
                var header = ReadHeader(connection, sessionId);
                if (header is null)
                {
                    return false;
                }

                WriteHeader(connection, sessionId, header.CreatedAt, _timeProvider.GetUtcNow(), header.TurnCount, header.Metadata.Merge(metadata));
                transaction.Commit();
                return true;
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _writer.Use(connection =>
            {
                using var transaction = connection.BeginWriteTransaction();
                var deleteTurns = connection.Command(SqliteStatements.DeleteTurns);
                deleteTurns.Parameters["$session"].Value = sessionId;
                deleteTurns.ExecuteNonQuery();
                var deleteHeader = connection.Command(SqliteStatements.DeleteHeader);
                deleteHeader.Parameters["$session"].Value = sessionId;
                var deleted = deleteHeader.ExecuteNonQuery();
                transaction.Commit();
                return deleted > 0;
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The append transaction; <see langword="null"/> on a sequence conflict (rolled back).</summary>
    private AppendTurnResult? Append(PooledSqliteConnection connection, TurnRecord turn, SessionMetadata? metadata, byte[] messages, byte[] outcome)
    {
        using var transaction = connection.BeginWriteTransaction();
        var (header, existing) = ReadHeaderAndTurn(connection, turn.SessionId, turn.TurnId);
        if (existing is not null)
        {
            SqliteConversationStoreLog.DuplicateTurn(_logger, turn.SessionId, existing.Sequence, turn.TurnId);
            return new AppendTurnResult(AppendOutcome.Duplicate, existing);
        }

        var turnCount = header?.TurnCount ?? 0;
        if (turn.Sequence != turnCount + 1)
        {
            SqliteConversationStoreLog.SequenceConflict(_logger, turn.SessionId, turn.Sequence, turnCount);
            return null;
        }

        var insert = connection.Command(SqliteStatements.InsertTurn);
        insert.Parameters["$session"].Value = turn.SessionId;
        insert.Parameters["$sequence"].Value = turn.Sequence;
        insert.Parameters["$turnId"].Value = turn.TurnId;
        insert.Parameters["$createdAt"].Value = SqliteRows.ToTicks(turn.CreatedAt);
        insert.Parameters["$messages"].Value = messages;
        insert.Parameters["$outcome"].Value = outcome;
        insert.ExecuteNonQuery();

        // The prepared command outlives this call: do not keep the turn's contents alive through it.
        insert.Parameters["$messages"].Value = DBNull.Value;
        insert.Parameters["$outcome"].Value = DBNull.Value;

        var now = _timeProvider.GetUtcNow();
        var merged = header is null
            ? new SessionMetadata { Status = SessionStatuses.Active }.Merge(metadata)
            : header.Metadata.Merge(metadata);
        WriteHeader(connection, turn.SessionId, header?.CreatedAt ?? now, now, turn.Sequence, merged);
        transaction.Commit();
        return new AppendTurnResult(AppendOutcome.Appended, turn);
    }

    /// <summary>The session's header and the turn with <paramref name="turnId"/>, each when present, in one query.</summary>
    private static (SessionHeader? Header, TurnRecord? Turn) ReadHeaderAndTurn(PooledSqliteConnection connection, string sessionId, string turnId)
    {
        var command = connection.Command(SqliteStatements.SelectHeaderAndTurnById);
        command.Parameters["$session"].Value = sessionId;
        command.Parameters["$turnId"].Value = turnId;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The header-and-turn query returned no row.");
        }

        const int firstTurnColumn = SqliteSchema.SessionColumnCount;
        return (
            reader.IsDBNull(0) ? null : SqliteRows.ReadHeader(reader),
            reader.IsDBNull(firstTurnColumn) ? null : SqliteRows.ReadTurn(reader, firstTurnColumn));
    }

    private static void WriteHeader(
        PooledSqliteConnection connection,
        string sessionId,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        long turnCount,
        SessionMetadata metadata)
    {
        var command = connection.Command(SqliteStatements.UpsertHeader);
        command.Parameters["$session"].Value = sessionId;
        command.Parameters["$createdAt"].Value = SqliteRows.ToTicks(createdAt);
        command.Parameters["$updatedAt"].Value = SqliteRows.ToTicks(updatedAt);
        command.Parameters["$turnCount"].Value = turnCount;
        command.Parameters["$metadata"].Value = ConversationJson.SerializeMetadata(metadata);
        command.Parameters["$status"].Value = (object?)metadata.Status ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
