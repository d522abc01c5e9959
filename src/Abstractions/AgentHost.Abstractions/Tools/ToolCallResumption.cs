using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Tools;

/// <summary>A call suspended in an earlier turn that a later invocation offers to the middleware chain again.</summary>
/// <param name="Call">The suspended call exactly as the model asked for it, with its suspension.</param>
/// <param name="SuspendedInTurn">The turn id of the turn that suspended it.</param>
public sealed record ToolCallResumption(PendingToolCall Call, string SuspendedInTurn);
