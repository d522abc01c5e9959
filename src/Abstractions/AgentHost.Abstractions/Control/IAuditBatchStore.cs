namespace AgentHost.Abstractions.Control;

/// <summary>
/// An <see cref="IAuditStore"/> that can append several consecutive records of one session in one atomic write, so that the
/// records one tool call produces after it ran (e.g. the sanitisation record and the result record) cost one store write.
/// </summary>
public interface IAuditBatchStore
{
    /// <summary>
    /// Appends <paramref name="records"/> (one session's, consecutive sequence numbers, each chained to the one before) when the
    /// first follows the session's head, exactly as <see cref="IAuditStore.TryAppendAsync"/> would one by one, and moves the
    /// head to the last: all in one atomic write, or nothing.
    /// </summary>
    /// <returns>True when appended; false when another writer appended first (read the head and try again).</returns>
    Task<bool> TryAppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default);
}
