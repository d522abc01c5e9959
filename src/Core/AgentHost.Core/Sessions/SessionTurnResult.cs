using AgentHost.Abstractions.Agents;

namespace AgentHost.Core.Sessions;

/// <summary>The result of a turn on a session.</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="TurnId">The turn's idempotency key.</param>
/// <param name="Sequence">The turn's position in the session.</param>
/// <param name="Outcome">The caller-visible outcome.</param>
/// <param name="Replayed">True when the turn was not run because the same turn id was already stored: the stored outcome is returned.</param>
public sealed record SessionTurnResult(string SessionId, string TurnId, long Sequence, TurnOutcome Outcome, bool Replayed);
