using System.Text.Json;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>One HTTP request a test server received (in a TestMcpServer file: the gateway benchmarks compile those too).</summary>
/// <param name="HttpMethod">GET, POST or DELETE.</param>
/// <param name="RpcMethod">The JSON-RPC method of a POST's message, else null.</param>
/// <param name="Arguments">The <c>arguments</c> of a <c>tools/call</c> as JSON, else null.</param>
/// <param name="Authorization">The Authorization header (empty when absent).</param>
internal sealed record RecordedRequest(string HttpMethod, string? RpcMethod, string? Arguments, string Authorization)
{
    public static RecordedRequest Read(string httpMethod, byte[] body, string authorization)
    {
        string? method = null;
        string? arguments = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    method = document.RootElement.TryGetProperty("method", out var m) ? m.GetString() : null;
                    arguments = document.RootElement.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("arguments", out var a)
                        ? a.GetRawText()
                        : null;
                }
            }
            catch (JsonException)
            {
            }
        }

        return new RecordedRequest(httpMethod, method, arguments, authorization);
    }
}
