namespace AgentHost.Abstractions.Agents;

/// <summary>A tool call ended (successfully or not).</summary>
/// <param name="Call">The call, with its status and duration.</param>
public sealed record ToolCallFinishedEvent(ToolCallRecord Call) : AgentEvent;
