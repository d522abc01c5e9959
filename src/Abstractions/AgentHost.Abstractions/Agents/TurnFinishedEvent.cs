namespace AgentHost.Abstractions.Agents;

/// <summary>The last event of every turn.</summary>
/// <param name="Result">The result of the turn.</param>
public sealed record TurnFinishedEvent(AgentTurnResult Result) : AgentEvent;
