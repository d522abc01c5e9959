using System.Diagnostics;
using System.Text.Json;
using AgentHost.Testing;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>
/// The TypeScript MCP SDK server of the Strands peer harness (tests/benchmarks/strands-peer/mcp-server.mjs), installed by tests/setup/mcp-peer.sh
/// into .tools/mcp-peers and run with the machine's node on a free loopback port.
/// </summary>
internal sealed class TypeScriptPeerServer : IAsyncDisposable
{
    private readonly Process _process;

    private TypeScriptPeerServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public static string Directory => Path.Combine(RepositoryPaths.Root, ".tools", "mcp-peers");

    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "mcp-server.mjs")) &&
        System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@modelcontextprotocol", "sdk"));

    public Uri Url { get; }

    public static async Task<TypeScriptPeerServer> StartAsync()
    {
        var port = TestMcpServer.FreePort();
        var start = new ProcessStartInfo("node", ["mcp-server.mjs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
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
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException("The TypeScript MCP server exited before it was ready.");
            }

            if (line.StartsWith("MCP_READY ", StringComparison.Ordinal))
            {
                return new TypeScriptPeerServer(process, new Uri(line["MCP_READY ".Length..].Trim()));
            }
        }
    }

    /// <summary>The server's counters: <c>sessions</c>, <c>listTools</c>, <c>callTool</c>, <c>openSessions</c>.</summary>
    public async Task<JsonElement> StatsAsync()
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(Url, "/stats"), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
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
