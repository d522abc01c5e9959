using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Restore;

/// <summary>
/// The peer harness's MCP server (tests/benchmarks/strands-peer/mcp-server.mjs: the TypeScript MCP SDK, Streamable HTTP,
/// stateful sessions; installed into .tools/mcp-peers by tests/setup/mcp-peer.sh) on a given loopback port. Killing it
/// drops its sessions and closes every connection; a new one on the same port knows none of the old session ids (404).
/// </summary>
internal sealed class McpPeerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private McpPeerProcess(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp");
    }

    public static string Directory => RepositoryPaths.Combine(".tools/mcp-peers");

    public Uri Url { get; }

    public static async Task<McpPeerProcess> StartAsync(int port)
    {
        Assert.True(
            File.Exists(Path.Combine(Directory, "mcp-server.mjs")) && System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@modelcontextprotocol", "sdk")),
            $"The MCP peer is not installed in {Directory}: run tests/setup/mcp-peer.sh.");
        var start = new ProcessStartInfo("node", ["mcp-server.mjs", "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("MCP_READY ", StringComparison.Ordinal))
            {
                return new McpPeerProcess(process, port);
            }
        }

        throw new InvalidOperationException("The MCP peer exited before it was ready (port taken?).");
    }

    /// <summary>The server's counters: <c>sessions</c>, <c>listTools</c>, <c>callTool</c>, <c>openSessions</c>.</summary>
    public async Task<JsonElement> StatsAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(Url, "/stats"), cancellationToken));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}
