namespace AgentHost.Gateway.Connections;

/// <summary>What <see cref="StreamableHttpToolCall"/> needs from the MCP session it calls a tool on.</summary>
/// <param name="SessionId">The session id the server assigned (<c>Mcp-Session-Id</c>), or <see langword="null"/> for a server without sessions.</param>
/// <param name="ProtocolVersion">The negotiated protocol revision (<c>MCP-Protocol-Version</c>).</param>
/// <param name="OnListChanged">Called for a <c>notifications/tools/list_changed</c> that arrives on the call's stream.</param>
/// <param name="OnCancelled">Called with the request id when the call is cancelled, to send <c>notifications/cancelled</c>.</param>
internal sealed record ToolCallSession(string? SessionId, string ProtocolVersion, Action OnListChanged, Action<string> OnCancelled);
