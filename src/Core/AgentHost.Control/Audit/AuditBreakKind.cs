namespace AgentHost.Control.Audit;

/// <summary>How an audit chain is broken.</summary>
public enum AuditBreakKind
{
    /// <summary>A record's content does not match its hash (edited).</summary>
    Edited,

    /// <summary>A sequence number is missing (a record was deleted).</summary>
    Missing,

    /// <summary>A record does not link to the record before it (inserted, reordered or replaced).</summary>
    Unlinked,

    /// <summary>The chain ends before the head the store recorded (records removed from the end), or the head is missing or differs.</summary>
    Truncated,

    /// <summary>A record is stored under another session or out of sequence order.</summary>
    Misplaced,
}
