namespace AgentHost.Abstractions.Control;

/// <summary>
/// The audit trail: appends records to a session's hash chain and reads them. Used by the control layer for every tool-call
/// attempt, policy decision, approval and result, and by later features (supervisor guidance, escalation, sanitisation).
/// A failed append throws: the action it records must fail with it (fail closed).
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends an entry to its session's chain and returns the stored record.</summary>
    /// <exception cref="AuditWriteException">The record could not be written.</exception>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends entries of one session, in order, and returns the stored records. A trail over a store that can
    /// (<see cref="IAuditBatchStore"/>) writes them in one atomic store write: all or none. This default appends them one by one.
    /// </summary>
    /// <exception cref="AuditWriteException">The records (or, by this default, one of them) could not be written.</exception>
    async Task<IReadOnlyList<AuditRecord>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = new List<AuditRecord>(entries.Count);
        foreach (var entry in entries)
        {
            records.Add(await AppendAsync(entry, cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    /// <summary>Reads a session's records in sequence order.</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, CancellationToken cancellationToken = default);
}
