using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One MCP <c>tools/call</c> as a single Streamable HTTP POST (<see cref="StreamableHttpRequest"/>), with the arguments written
/// as they are.
/// </summary>
/// <remarks>
/// Why not the SDK's <c>McpClient.CallToolAsync</c>: the SDK routes every answer through its session's message channel and a
/// pending-request completion, two thread-pool hops plus a JSON-RPC envelope round trip per call. On the peer benchmark that
/// machinery was ~15% of the host's CPU per invocation; this path does the same protocol exchange without it.
/// </remarks>
internal static class StreamableHttpToolCall
{
    /// <summary>Calls <paramref name="name"/> with <paramref name="arguments"/> on an initialised session.</summary>
    /// <param name="http">The gateway's HTTP client (its handlers authenticate the requests).</param>
    /// <param name="endpoint">The gateway's MCP endpoint.</param>
    /// <param name="session">The session's id, negotiated revision and callbacks.</param>
    /// <param name="name">The tool's name on the gateway.</param>
    /// <param name="arguments">The arguments, written as they are.</param>
    /// <param name="cancellationToken">Cancels the call; the session's <see cref="SessionContext.OnCancelled"/> is then called.</param>
    public static Task<CallToolResult> SendAsync(
        HttpClient http,
        Uri endpoint,
        SessionContext session,
        string name,
        IReadOnlyDictionary<string, JsonElement> arguments,
        CancellationToken cancellationToken) =>
        StreamableHttpRequest.SendAsync(
            http,
            endpoint,
            session,
            RequestMethods.ToolsCall,
            writer =>
            {
                writer.WriteString("name"u8, name);
                writer.WriteStartObject("arguments"u8);
                foreach (var (key, value) in arguments)
                {
                    writer.WritePropertyName(key);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            },
            McpTypes.CallToolResult,
            cancellationToken);
}
