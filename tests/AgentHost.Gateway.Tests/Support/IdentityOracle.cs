using System.Diagnostics;

using System.Text.Json.Nodes;
using AgentHost.Testing;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>
/// The AWS SDK for JavaScript as the wire oracle of AgentCore Identity (tests/peers/mcp/identity-oracle.mjs, installed by
/// tests/setup/mcp-peer.sh with npm <c>@aws-sdk/client-bedrock-agentcore</c>): what its client sends for GetResourceOauth2Token,
/// and the SigV4 signature its signer computes for a recorded request.
/// </summary>
internal static class IdentityOracle
{
    public static bool IsInstalled => NodeRuntime.PeersInstalled &&
        File.Exists(Path.Combine(NodeRuntime.PeersDirectory, "identity-oracle.mjs")) &&
        Directory.Exists(Path.Combine(NodeRuntime.PeersDirectory, "node_modules", "@aws-sdk", "client-bedrock-agentcore"));

    /// <summary>Sends GetResourceOauth2Token with <paramref name="input"/> to <paramref name="endpoint"/> through the SDK's client.</summary>
    public static Task SendAsync(Uri endpoint, JsonObject input) =>
        RunAsync("send", endpoint.AbsoluteUri.TrimEnd('/'), input.ToJsonString());

    /// <summary>The Authorization header the SDK's signer computes for <paramref name="request"/> (at its X-Amz-Date, with the test credentials).</summary>
    public static Task<string> SignAsync(RecordedHttpRequest request)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        var recorded = new JsonObject { ["method"] = request.Method, ["url"] = request.Url, ["headers"] = headers, ["body"] = request.Body };
        return RunAsync("sign", recorded.ToJsonString());
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(NodeRuntime.Executable, ["identity-oracle.mjs", .. arguments])
        {
            WorkingDirectory = NodeRuntime.PeersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"identity-oracle.mjs {arguments[0]} failed: {await error}");
        }

        return await output;
    }

    /// <summary>Parses a JSON body for comparison.</summary>
    public static JsonNode? Body(RecordedHttpRequest request) => JsonNode.Parse(request.Body);

    /// <summary>The media type of a Content-Type header (without parameters).</summary>
    public static string MediaType(RecordedHttpRequest request) =>
        request.Headers.TryGetValue("content-type", out var value) ? value.Split(';')[0].Trim() : string.Empty;

}
