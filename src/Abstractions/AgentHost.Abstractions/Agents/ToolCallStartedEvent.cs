using System.Text.Json;

namespace AgentHost.Abstractions.Agents;

/// <summary>A tool call is about to run (after the before-tool hooks allowed it).</summary>
/// <param name="CallId">The model's id for the call.</param>
/// <param name="Name">The tool name.</param>
/// <param name="Input">The arguments.</param>
public sealed record ToolCallStartedEvent(string CallId, string Name, JsonElement Input) : AgentEvent;
