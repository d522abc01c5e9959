using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentHost.Telemetry.Tests;

/// <summary>The real server binary (<c>AgentHost.Server.dll</c>) started as the container starts it, with the offline model, the in-process development gateway and a given environment.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private ServerProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

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

    public static ServerProcess Start(Dictionary<string, string> environment)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenthost-telemetry-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentHost.Server.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_GATEWAY_", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AGENTHOST_MODEL_PROVIDER"] = "offline";
        start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder, "server.db");
        start.Environment["AGENTHOST_DEVGATEWAY"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ServerProcess(Process.Start(start)!, folder, port);
    }

    /// <summary>An HttpClient for the server that adds no trace headers of its own (the tests set them).</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{Port}"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task WaitForHealthyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(_process.HasExited, "the server exited during start-up: " + Output);
            try
            {
                using var response = await http.GetAsync("/ping", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The server did not become healthy within 60 seconds.");
    }

    /// <summary>Stops the server with SIGTERM (as AgentCore does), which flushes the exporters, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
