using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>
/// The real runtime host (the server project, as the container runs it) with the offline model and a gateway URL, on a free
/// port of 127.0.0.1 with its own SQLite file. Stopped with SIGTERM.
/// </summary>
internal sealed class RuntimeHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private RuntimeHostProcess(Process process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        BaseUri = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

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

    public static async Task<RuntimeHostProcess> StartAsync(Uri gateway)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenthost-connect-runtime", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentHost.Server.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["AGENTHOST_MODEL_PROVIDER"] = "offline";
        start.Environment["AGENTHOST_DEVGATEWAY"] = "false";
        start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder, "server.db");
        start.Environment["AGENTCORE_GATEWAY_DEV_URL"] = gateway.ToString();
        start.Environment["AGENTCORE_GATEWAY_DEV_AUTH_TYPE"] = "NONE";
        var host = new RuntimeHostProcess(Process.Start(start)!, port, folder);
        await host.WaitForHealthyAsync();
        return host;
    }

    /// <summary>The /ping status (<c>Healthy</c> or <c>HealthyBusy</c>).</summary>
    public async Task<string> PingStatusAsync()
    {
        using var response = await Http.GetAsync("/ping");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("status").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
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
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitForHealthyAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The runtime host exited during start-up: " + Output);
            }

            try
            {
                using var response = await Http.GetAsync("/ping");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The runtime host did not become healthy within 60 seconds: " + Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
