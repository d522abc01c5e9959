namespace AgentHost.Abstractions.Control;

/// <summary>
/// The last record of a session's audit chain as the store recorded it when appending (kept apart from the records), so
/// that verification detects records removed from the end of the chain.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="Sequence">The last record's sequence number.</param>
/// <param name="Hash">The last record's hash.</param>
public sealed record AuditHead(string SessionId, long Sequence, string Hash);
