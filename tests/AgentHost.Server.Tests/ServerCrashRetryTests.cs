using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Approvals;
using AgentHost.Control.Audit;
using AgentHost.DevGateway;
using AgentHost.Storage.Sqlite;

namespace AgentHost.Server.Tests;

/// <summary>
/// The measured defect the control layer fixes: kill the server while an approved, side-effecting tool runs, let the caller
/// retry the same turn id (as Connect does), and the tool must not run a second time. The tool lives in a development
/// gateway outside the killed process, which records every call that ran.
/// </summary>
public sealed class ServerCrashRetryTests : IAsyncDisposable
{
    private const string SessionId = "server-crash-retry-000000000000000000001";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenthost-server-crash", Guid.NewGuid().ToString("N"));
    private readonly List<Process> _servers = [];
    private DevGatewayHandle? _gateway;

    public ServerCrashRetryTests() => Directory.CreateDirectory(_folder);

    private string CallLog => Path.Combine(_folder, "calls.log");

    private string Database => Path.Combine(_folder, "server.db");

    private string ControlDatabase => Path.Combine(_folder, "server.control.db");

    [Fact]
    public async Task Server_KilledWhileAnApprovedWithdrawalRuns_RetryOfTheSameTurnDoesNotRunItAgainAndFlagsItAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { Port = 0, ResponseDelay = TimeSpan.FromSeconds(8), CallLogPath = CallLog }, ct);

        // Turn 1: the withdrawal needs a supervisor (the shipped policy); the turn waits for approval and nothing runs.
        var (first, http) = await StartServerAsync();
        var (status, body) = await InvokeAsync(http, "Withdraw 500 from the account of investor LP-001", "turn-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("awaitingApproval", body.GetProperty("stopReason").GetString());
        Assert.Equal(0, Withdrawals());

        // A supervisor approves through the library API, against the shared store (never the server's memory).
        using (var store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = ControlDatabase }))
        {
            var approvals = new ApprovalService(store, new AuditTrail(store));
            var request = Assert.Single(await approvals.ListAsync(new ApprovalQuery { SessionId = SessionId }, ct));
            var decided = await approvals.DecideAsync(new ApprovalDecision { RequestId = request.Id, ArgumentsHash = request.ArgumentsHash, Approver = "alice", Verdict = ApprovalVerdict.Approve }, ct);
            Assert.Equal(ApprovalDecisionStatus.Approved, decided.Status);
        }

        // Turn 2 resumes the approved withdrawal; the gateway has run it and is slow to answer: the server dies now.
        var inFlight = InvokeAsync(http, "Is it done?", "turn-2");
        for (var i = 0; i < 300 && Withdrawals() == 0; i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.Equal(1, Withdrawals());
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync(ct);
        await Assert.ThrowsAnyAsync<Exception>(() => inFlight);
        http.Dispose();

        // The caller retries the same turn on a new server process over the same store.
        var (second, retryHttp) = await StartServerAsync();
        (status, body) = await InvokeAsync(retryHttp, "Is it done?", "turn-2");
        Assert.Equal(HttpStatusCode.OK, status);
        var call = Assert.Single(body.GetProperty("toolCalls").EnumerateArray());
        Assert.Equal("accounts___request_withdrawal", call.GetProperty("name").GetString());
        Assert.Equal("error", call.GetProperty("status").GetString());
        Assert.Contains("outcomeUnknown", call.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        // Later turns do not bring it back either.
        (status, body) = await InvokeAsync(retryHttp, "Thanks", "turn-3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body.GetProperty("toolCalls").EnumerateArray());
        Assert.Equal(1, Withdrawals());

        // The audit chain survived the kill intact and records the unknown outcome.
        using (var store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = ControlDatabase }))
        {
            var verification = await AuditVerifier.VerifyAsync(store, SessionId, ct);
            Assert.True(verification.IsValid, string.Join("; ", verification.Breaks.Select(b => b.Message)));
            var kinds = new List<string>();
            await foreach (var record in store.ReadAsync(SessionId, 1, ct))
            {
                kinds.Add(record.Kind);
            }

            Assert.Contains(AuditRecordKinds.OutcomeUnknown, kinds);
        }

        retryHttp.Dispose();
        second.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            server.Dispose();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private int Withdrawals() =>
        File.Exists(CallLog) ? File.ReadAllLines(CallLog).Count(line => line == "accounts___request_withdrawal") : 0;

    private async Task<(Process Server, HttpClient Http)> StartServerAsync()
    {
        var port = FreePort();
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
        start.Environment["AGENTHOST_DEVGATEWAY"] = "false";
        start.Environment["AGENTHOST_SQLITE_PATH"] = Database;
        start.Environment["AGENTCORE_GATEWAY_DEV_URL"] = _gateway!.Endpoint.ToString();
        start.Environment["AGENTHOST_AGENT__LIMITS__TOOLTIMEOUTSECONDS"] = "60";
        var process = Process.Start(start)!;
        _servers.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(process.HasExited, "the server exited during start-up");
            try
            {
                using var response = await http.GetAsync("/ping", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (process, http);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The server did not become healthy within 60 seconds.");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(HttpClient http, string prompt, string turnId)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = prompt, ["turnId"] = turnId }, TestJsonContext.Default.DictionaryStringString);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", SessionId);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
