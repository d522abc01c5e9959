namespace AgentHost.Abstractions.Agents;

/// <summary>A running tool call reported progress (e.g. an MCP <c>notifications/progress</c> from a gateway).</summary>
/// <param name="CallId">The model's id for the call.</param>
/// <param name="Name">The tool name.</param>
/// <param name="Progress">The progress so far (increases with every report).</param>
/// <param name="Total">The total, when known.</param>
/// <param name="Message">A human-readable message from the tool, when given. Tool output: treat it as untrusted text.</param>
public sealed record ToolCallProgressEvent(string CallId, string Name, double Progress, double? Total, string? Message) : AgentEvent;
