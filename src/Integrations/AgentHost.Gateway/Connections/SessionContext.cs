namespace AgentHost.Gateway.Connections;

/// <summary>What a request on an MCP session needs to know about the session.</summary>
/// <param name="SessionId">The session id the server assigned (<c>Mcp-Session-Id</c>), or <see langword="null"/> for a server without sessions.</param>
/// <param name="ProtocolVersion">The negotiated protocol revision (<c>MCP-Protocol-Version</c>); <see langword="null"/> only for <c>initialize</c>.</param>
/// <param name="OnListChanged">Called for a <c>notifications/tools/list_changed</c> that arrives on an answer's stream.</param>
/// <param name="OnCancelled">Called with the request id when a request is cancelled, to send <c>notifications/cancelled</c>.</param>
internal sealed record SessionContext(string? SessionId, string? ProtocolVersion, Action OnListChanged, Action<string> OnCancelled);
