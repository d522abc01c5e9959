using System.Diagnostics;

namespace AgentHost.Cli.Tests;

/// <summary>Runs the real agenthost CLI as a child process with redirected streams, in a private working folder.</summary>
internal sealed class CliProcess : IDisposable
{
    public CliProcess()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "agenthost-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    /// <summary>Extra environment variables of the runs (after the defaults, so they may replace them).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agenthost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_GATEWAY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["AGENTHOST_MODEL_PROVIDER"] = "offline";
        start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(WorkingDirectory, "conversations.db");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
