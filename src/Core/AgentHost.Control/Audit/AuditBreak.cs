namespace AgentHost.Control.Audit;

/// <summary>The first broken link of a session's audit chain.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Sequence">The sequence number where the chain breaks.</param>
/// <param name="Kind">How it is broken.</param>
/// <param name="Message">A sentence naming the broken link.</param>
public sealed record AuditBreak(string SessionId, long Sequence, AuditBreakKind Kind, string Message);
