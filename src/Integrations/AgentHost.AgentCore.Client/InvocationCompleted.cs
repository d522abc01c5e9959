using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client;

/// <summary>The last event of a turn that ran (SSE <c>done</c>): the same summary as a JSON call returns.</summary>
/// <param name="Response">The summary: text, stop reason, tool calls, usage, turn id.</param>
public sealed record InvocationCompleted(InvocationResponse Response) : InvocationEvent;
