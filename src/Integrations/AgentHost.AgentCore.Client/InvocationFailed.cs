using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client;

/// <summary>The last event of a turn that failed after streaming began (SSE <c>error</c>, or a <c>{"error": ...}</c> message).</summary>
/// <param name="Error">The error: <c>error</c>, <c>error_type</c> (e.g. <c>ModelError</c>) and <c>message</c>.</param>
public sealed record InvocationFailed(ErrorResponse Error) : InvocationEvent;
