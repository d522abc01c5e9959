namespace AgentHost.Abstractions.Conversations;

/// <summary>The result of appending a turn.</summary>
/// <param name="Outcome">Whether the turn was stored or was a duplicate.</param>
/// <param name="Turn">The stored turn: the one passed in, or the earlier one with the same turn id.</param>
public sealed record AppendTurnResult(AppendOutcome Outcome, TurnRecord Turn);
