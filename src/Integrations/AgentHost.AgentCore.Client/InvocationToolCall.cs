using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client;

/// <summary>A tool call started or finished (SSE <c>tool_call</c>).</summary>
/// <param name="Progress">The call: phase, id, name, input, and once finished its status and duration.</param>
public sealed record InvocationToolCall(ToolCallProgress Progress) : InvocationEvent;
