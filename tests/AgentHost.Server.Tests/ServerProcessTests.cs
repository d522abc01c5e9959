using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentHost.Server.Tests;

/// <summary>The real server binary, as the container runs it: start, ping, invoke, SIGTERM.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenthost-server-tests", Guid.NewGuid().ToString("N"));

    public ServerProcessTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Server_StartedLikeTheContainer_AnswersPingAndInvocationsAndStopsCleanlyOnSigtermAsync()
    {
        var port = FreePort();
        using var process = Start(port, new() { ["AGENTHOST_DEVGATEWAY"] = "true" });
        var output = CaptureOutput(process);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var ping = await WaitForHealthyAsync(http, process);
            Assert.Equal("Healthy", ping.GetProperty("status").GetString());
            Assert.True(ping.GetProperty("time_of_last_update").GetInt64() > 1_700_000_000);

            var (status, body) = await InvokeAsync(http, "server-smoke-00000000000000000000000001");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("endTurn", body.GetProperty("stopReason").GetString());
            Assert.Equal("portfolio___get_portfolio", body.GetProperty("toolCalls")[0].GetProperty("name").GetString());
            Assert.Contains("LP-001", body.GetProperty("text").GetString(), StringComparison.Ordinal);

            using var bad = await http.PostAsync("/invocations", new StringContent("{oops", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output}");
            Assert.Contains("AgentHost listening on http://0.0.0.0:" + port, output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Server_StoreUnusableAtStartup_BecomesHealthyLogsTheCheckAndFailsTurnsClearlyAsync()
    {
        // A file where the database folder should be: the store cannot create its database.
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);
        var port = FreePort();
        using var process = Start(port, new() { ["AGENTHOST_DEVGATEWAY"] = "true", ["AGENTHOST_SQLITE_PATH"] = Path.Combine(blocker, "server.db") });
        var output = CaptureOutput(process);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitForHealthyAsync(http, process);
            for (var i = 0; i < 100 && !Contains(output, "failed its start-up check"); i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.True(Contains(output, "The conversation store failed its start-up check"), output.ToString());

            var (status, body) = await InvokeAsync(http, "server-store-00000000000000000000000001");
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Server_InvalidConfiguration_ExitsWithCode2AndAPreciseMessageAsync()
    {
        using var process = Start(FreePort(), new() { ["AGENTHOST_AGENT__LIMITS__MAXCYCLES"] = "0" });
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'Agent:Limits:MaxCycles' is 0 (from environment variable AGENTHOST_AGENT__LIMITS__MAXCYCLES)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_UnknownAgentHostVariableInTheEnvironment_StartsAndLogsAWarningNamingItAsync()
    {
        // The peer benchmark's own variable reaches the host through the benchmark's environment; a typo gets a suggestion.
        var port = FreePort();
        using var process = Start(port, new() { ["AGENTHOST_STRANDS_PEER_SOURCE"] = "/opt/peer", ["AGENTHOST_MODLE_ID"] = "anthropic.claude" });
        var output = CaptureOutput(process);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var ping = await WaitForHealthyAsync(http, process);
            Assert.Equal("Healthy", ping.GetProperty("status").GetString());
            for (var i = 0; i < 100 && !Contains(output, "AgentHost listening"); i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.True(Contains(output, "Unknown environment variable AGENTHOST_STRANDS_PEER_SOURCE ignored; it is not an AgentHost setting."), output.ToString());
            Assert.True(Contains(output, "Unknown environment variable AGENTHOST_MODLE_ID ignored; did you mean AGENTHOST_MODEL_ID?"), output.ToString());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Server_InvalidValueBesideAnUnknownVariable_StillExitsWithCode2NamingTheKeyAsync()
    {
        using var process = Start(FreePort(), new() { ["AGENTHOST_STRANDS_PEER_SOURCE"] = "/opt/peer", ["AGENTHOST_LOG_FORMAT"] = "xml" });
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'Runtime:LogFormat' is 'xml' (from environment variable AGENTHOST_LOG_FORMAT); it must be one of: text, json.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_PortAlreadyInUse_ExitsWithCode3AndSaysWhichAddressAsync()
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var process = Start(port, []);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(3, process.ExitCode);
        Assert.Contains($"AgentHost cannot start listening: Failed to bind to address http://0.0.0.0:{port}", error, StringComparison.Ordinal);
        Assert.Contains("set PORT to a free one", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process Start(int port, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentHost.Server.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_GATEWAY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AGENTHOST_MODEL_PROVIDER"] = "offline";
        start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(_folder, "server.db");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<JsonElement> WaitForHealthyAsync(HttpClient http, Process process)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(process.HasExited, "the server exited during start-up");
            try
            {
                using var response = await http.GetAsync("/ping", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
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

    private static StringBuilder CaptureOutput(Process process)
    {
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(HttpClient http, string sessionId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations")
        {
            Content = new StringContent("""{"prompt":"What is the portfolio of investor LP-001?"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", sessionId);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    private static bool Contains(StringBuilder output, string text)
    {
        lock (output)
        {
            return output.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
