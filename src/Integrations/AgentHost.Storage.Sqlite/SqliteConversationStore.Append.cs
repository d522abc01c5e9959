using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite;

/// <summary>Appending turns and changing headers: every write is one IMMEDIATE transaction.</summary>
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

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var existing = await FindTurnAsync(connection, transaction, turn.SessionId, turn.TurnId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                SqliteConversationStoreLog.DuplicateTurn(_logger, turn.SessionId, existing.Sequence, turn.TurnId);
                return new AppendTurnResult(AppendOutcome.Duplicate, existing);
            }

            var header = await ReadHeaderAsync(connection, transaction, turn.SessionId, cancellationToken).ConfigureAwait(false);
            var turnCount = header?.TurnCount ?? 0;
            if (turn.Sequence != turnCount + 1)
            {
                SqliteConversationStoreLog.SequenceConflict(_logger, turn.SessionId, turn.Sequence, turnCount);
                throw new ConversationConflictException(turn.SessionId, turn.Sequence);
            }

            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO turns ({SqliteSchema.TurnColumns}) VALUES ($session, $sequence, $turnId, $createdAt, $messages, $outcome)";
                insert.Parameters.AddWithValue("$session", turn.SessionId);
                insert.Parameters.AddWithValue("$sequence", turn.Sequence);
                insert.Parameters.AddWithValue("$turnId", turn.TurnId);
                insert.Parameters.AddWithValue("$createdAt", SqliteRows.ToTicks(turn.CreatedAt));
                insert.Parameters.AddWithValue("$messages", messages);
                insert.Parameters.AddWithValue("$outcome", outcome);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var now = _timeProvider.GetUtcNow();
            var merged = header is null
                ? new SessionMetadata { Status = SessionStatuses.Active }.Merge(metadata)
                : header.Metadata.Merge(metadata);
            await WriteHeaderAsync(connection, transaction, turn.SessionId, header?.CreatedAt ?? now, now, turn.Sequence, merged, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new AppendTurnResult(AppendOutcome.Appended, turn);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(metadata);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var header = await ReadHeaderAsync(connection, transaction, sessionId, cancellationToken).ConfigureAwait(false);
            if (header is null)
            {
                return false;
            }

            await WriteHeaderAsync(connection, transaction, sessionId, header.CreatedAt, _timeProvider.GetUtcNow(), header.TurnCount, header.Metadata.Merge(metadata), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
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
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM turns WHERE session_id = $session; DELETE FROM sessions WHERE session_id = $session;";
            command.Parameters.AddWithValue("$session", sessionId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var changes = connection.CreateCommand();
            changes.Transaction = transaction;
            changes.CommandText = "SELECT changes()";
            var deleted = Convert.ToInt64(await changes.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted > 0;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task WriteHeaderAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sessionId,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        long turnCount,
        SessionMetadata metadata,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO sessions ({SqliteSchema.SessionColumns}, status) VALUES ($session, $createdAt, $updatedAt, $turnCount, $metadata, $status)
            ON CONFLICT (session_id) DO UPDATE SET updated_at = excluded.updated_at, turn_count = excluded.turn_count,
                metadata = excluded.metadata, status = excluded.status
            """;
        command.Parameters.AddWithValue("$session", sessionId);
        command.Parameters.AddWithValue("$createdAt", SqliteRows.ToTicks(createdAt));
        command.Parameters.AddWithValue("$updatedAt", SqliteRows.ToTicks(updatedAt));
        command.Parameters.AddWithValue("$turnCount", turnCount);
        command.Parameters.AddWithValue("$metadata", ConversationJson.SerializeMetadata(metadata));
        command.Parameters.AddWithValue("$status", (object?)metadata.Status ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
