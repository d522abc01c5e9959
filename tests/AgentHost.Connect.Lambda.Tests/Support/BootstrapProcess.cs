using System.Diagnostics;
using System.Text;

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>The published bootstrap running as Lambda would run it: a process with the Lambda environment variables.</summary>
internal sealed class BootstrapProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BootstrapProcess(Process process, DateTimeOffset started)
    {
        _process = process;
        Started = started;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public DateTimeOffset Started { get; }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the bootstrap with a clean environment plus <paramref name="environment"/> (null values are left out).</summary>
    public static BootstrapProcess Start(string path, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        var started = DateTimeOffset.UtcNow;
        return new BootstrapProcess(Process.Start(start)!, started);
    }

    /// <summary>Waits for the process to exit (it exits by itself after a start-up failure).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
