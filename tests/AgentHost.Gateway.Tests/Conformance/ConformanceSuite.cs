using System.Diagnostics;
using System.Text;
using AgentHost.Testing;

namespace AgentHost.Gateway.Tests.Conformance;

/// <summary>
/// The MCP conformance suite (npm <c>@modelcontextprotocol/conformance</c>, installed by <c>tests/setup/mcp-peer.sh</c>) run as a
/// process: <c>conformance client --scenario S --command "&lt;conformance client&gt;"</c>, with the loopback preload so that the
/// scenario servers bind 127.0.0.1 only.
/// </summary>
internal static class ConformanceSuite
{
    public static string Cli => Path.Combine(NodeRuntime.PeersDirectory, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    public static bool IsInstalled => NodeRuntime.PeersInstalled && File.Exists(Cli);

    /// <summary>The conformance client built beside this test assembly's configuration (AgentHost.Gateway.ConformanceClient).</summary>
    public static string ClientCommand
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
            var folder = Path.Combine(RepositoryPaths.Root, "tests", "AgentHost.Gateway.ConformanceClient", "bin", configuration, "net10.0");
            var apphost = Path.Combine(folder, "AgentHost.Gateway.ConformanceClient");
            return File.Exists(apphost) ? apphost : "dotnet " + Path.Combine(folder, "AgentHost.Gateway.ConformanceClient.dll");
        }
    }

    /// <summary>Runs the suite with <paramref name="arguments"/>; returns its exit code and output (bounded at 3 minutes).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(NodeRuntime.Executable, ["--import", NodeRuntime.LoopbackPreload, Cli, .. arguments])
        {
            WorkingDirectory = NodeRuntime.PeersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                return (-1, output + "\n(killed after 3 minutes)");
            }
        }

        process.WaitForExit(); // drain the output
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
