using AgentHost.Abstractions.Agents;

namespace AgentHost.Core.Sessions;

/// <summary>The last event of a session turn: the turn ran (or was replayed) and is stored.</summary>
/// <param name="Result">The stored result.</param>
public sealed record SessionTurnFinishedEvent(SessionTurnResult Result) : AgentEvent;
