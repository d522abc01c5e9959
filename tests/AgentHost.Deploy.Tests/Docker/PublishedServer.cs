using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// The published server binary started as the image's entry point would start it (an arm64 binary on an x64 machine under
/// qemu's user-mode emulation), by default with the offline model and the built-in development gateway (no AWS): waits for
/// a healthy /ping and sends invocations.
/// </summary>
internal sealed class PublishedServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedServer(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

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

    /// <summary>The offline model and the built-in development gateway: a tool-calling turn with no AWS and no peer.</summary>
    public static IReadOnlyDictionary<string, string> DevelopmentEnvironment { get; } = new Dictionary<string, string>
    {
        ["AGENTHOST_MODEL_PROVIDER"] = "offline",
        ["AGENTHOST_DEVGATEWAY"] = "true",
    };

    /// <summary>
    /// Starts <paramref name="publish"/>'s entry point in <paramref name="dataFolder"/> on a free port (or <paramref name="port"/>),
    /// with <paramref name="environment"/> (default <see cref="DevelopmentEnvironment"/>) over a clean environment.
    /// </summary>
    public static PublishedServer Start(NativePublishOutput publish, string dataFolder, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var listenPort = port ?? FreePort();
        var emulated = ElfHeader.Machine(publish.EntryPoint) == ElfHeader.AArch64 && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.Arm64;
        var start = new ProcessStartInfo(emulated ? Arm64Emulation.Emulator : publish.EntryPoint)
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (emulated)
        {
            start.ArgumentList.Add(publish.EntryPoint);
            foreach (var (key, value) in Arm64Emulation.Environment)
            {
                start.Environment[key] = value;
            }
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["PORT"] = listenPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(dataFolder, "server.db");
        start.Environment["AGENTHOST_LOG_FORMAT"] = "json";
        foreach (var (key, value) in environment ?? DevelopmentEnvironment)
        {
            start.Environment[key] = value;
        }

        return new PublishedServer(Process.Start(start)!, listenPort);
    }

    public async Task<JsonElement> WaitForHealthyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            Assert.False(_process.HasExited, "The published server exited during start-up: " + Output);
            try
            {
                using var response = await Http.GetAsync("/ping", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var ping = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
                    if (ping.GetProperty("status").GetString() is "Healthy" or "HealthyBusy")
                    {
                        return ping;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The published server did not become healthy within 120 seconds: " + Output);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string sessionId, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", sessionId);
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Not JSON ({(int)response.StatusCode}): {body}");
        }
    }

    /// <summary>Sends SIGTERM, as the runtime does, and returns the exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        Http.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
