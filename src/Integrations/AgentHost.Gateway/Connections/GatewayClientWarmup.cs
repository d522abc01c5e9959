using System.Text.Json;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// First-use work of the MCP client that does not need a gateway: building the SDK's JSON metadata of the results a session
/// reads (tools/list, tools/call, progress) and loading the HTTP stack. A host runs it on a
/// background thread while it is still reading its configuration and composing its services, so the first discovery, which
/// gates readiness, does not pay for it.
/// </summary>
public static class GatewayClientWarmup
{
    /// <summary>Runs the warm-up synchronously (call it on a background thread). Never throws.</summary>
    public static void Run()
    {
        try
        {
            _ = McpJson.CallToolResult;

            // Load the HTTP client stack and the JSON reader (no request is sent).
            using var handler = GatewayHttpPipeline.CreatePrimaryHandler();
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/") { Content = new StringContent("{}") };
            using var document = JsonDocument.Parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        }
#pragma warning disable CA1031 // A warm-up must never fail start-up; the real discovery reports real problems.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
