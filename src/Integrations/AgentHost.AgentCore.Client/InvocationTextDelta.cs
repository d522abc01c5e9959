namespace AgentHost.AgentCore.Client;

/// <summary>A fragment of the answer (SSE <c>message</c>).</summary>
/// <param name="Text">The fragment.</param>
public sealed record InvocationTextDelta(string Text) : InvocationEvent;
