using System.Text.Json;
using AgentHost.Abstractions.Tools;

namespace AgentHost.Abstractions.Agents;

/// <summary>A tool call a middleware suspended: stored with the turn's outcome so that a later invocation can resume it.</summary>
/// <param name="CallId">The model's id for the call.</param>
/// <param name="Name">The tool name the model used.</param>
/// <param name="Input">The arguments, exactly as they were when the call was suspended.</param>
/// <param name="Suspension">Why and how it waits.</param>
public sealed record PendingToolCall(string CallId, string Name, JsonElement Input, ToolCallSuspension Suspension);
