using System.Diagnostics;
using AgentHost.Testing;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>
/// The MCP reference server <c>@modelcontextprotocol/server-everything</c> over Streamable HTTP (stateful sessions, resumable
/// streams), installed by <c>tests/setup/mcp-peer.sh</c> into <c>.tools/mcp-peers</c> and run on a free loopback port (the
/// <c>loopback.mjs</c> preload makes it bind 127.0.0.1). Nobody here wrote it: an interop peer.
/// </summary>
internal sealed class EverythingServer : IAsyncDisposable
{
    private readonly Process _process;

    private EverythingServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public static bool IsInstalled => NodeRuntime.PeersInstalled &&
        File.Exists(Path.Combine(NodeRuntime.PeersDirectory, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"));

    public Uri Url { get; }

    public static async Task<EverythingServer> StartAsync()
    {
        var port = TestMcpServer.FreePort();
        var start = new ProcessStartInfo(NodeRuntime.Executable, ["--import", NodeRuntime.LoopbackPreload, "node_modules/@modelcontextprotocol/server-everything/dist/index.js", "streamableHttp"])
        {
            WorkingDirectory = NodeRuntime.PeersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("listening on port", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("server-everything did not start listening within 30 s.");
        }

        return new EverythingServer(process, new Uri($"http://127.0.0.1:{port}/mcp"));
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
