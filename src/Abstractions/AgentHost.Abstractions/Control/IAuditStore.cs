namespace AgentHost.Abstractions.Control;

/// <summary>
/// Append-only storage of audit chains. There is no update or delete operation: a record is written once under a new key
/// (a conditional put), together with the session's <see cref="AuditHead"/> (conditional on the previous head), in one
/// atomic write. Implementations: in memory (AgentHost.Control), SQLite (triggers reject UPDATE and DELETE), DynamoDB (an
/// IAM policy denies UpdateItem and DeleteItem on the audit table); all pass the same contract tests.
/// </summary>
public interface IAuditStore
{
    /// <summary>The session's head, or null when the session has no audit record.</summary>
    Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="record"/> when its sequence number is free and the session's head is at
    /// <c>record.Sequence - 1</c> (none for sequence 1); moves the head to it in the same atomic write.
    /// </summary>
    /// <returns>True when appended; false when another writer appended first (read the head and try again).</returns>
    Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads a session's records in sequence order, from <paramref name="fromSequence"/>, exactly as stored.</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default);

    /// <summary>Lists every session that has audit records or a head (for verifying a whole store).</summary>
    IAsyncEnumerable<string> ListSessionsAsync(CancellationToken cancellationToken = default);
}
