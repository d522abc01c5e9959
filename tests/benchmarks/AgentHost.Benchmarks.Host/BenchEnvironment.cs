using System.Globalization;

namespace AgentHost.Benchmarks.Host;

/// <summary>
/// Maps the harness environment (bench.mjs <c>--agent-cmd</c>) onto AgentHost's own settings, without overriding anything
/// set explicitly:
/// <list type="bullet">
/// <item><c>MCP_URL</c> becomes the gateway <c>AGENTCORE_GATEWAY_BENCH_URL</c> (no authentication: a loopback MCP server).</item>
/// <item><c>APP_LOGGING=off</c> (the harness default) sets the minimum log level to Warning, like the peer's disabled request logging.</item>
/// <item><c>MODEL_LATENCY_MS</c> is the scripted model's sleep before each turn.</item>
/// <item>The conversation store stays the product default, SQLite, on a fresh file in <c>/dev/shm</c> (tmpfs) per process,
/// deleted at exit; <c>AGENTHOST_SQLITE_PATH</c> overrides it.</item>
/// </list>
/// <c>TOOL_DISCOVERY</c> is ignored: AgentHost lists its gateways at start-up and on <c>list_changed</c>, never per request.
/// </summary>
internal sealed class BenchEnvironment : IDisposable
{
    private readonly string? _sqlitePath;

    private BenchEnvironment(TimeSpan modelLatency, string? sqlitePath)
    {
        ModelLatency = modelLatency;
        _sqlitePath = sqlitePath;
    }

    public TimeSpan ModelLatency { get; }

    public static BenchEnvironment Apply()
    {
        var mcpUrl = Environment.GetEnvironmentVariable("MCP_URL");
        if (!string.IsNullOrWhiteSpace(mcpUrl))
        {
            SetDefault("AGENTCORE_GATEWAY_BENCH_URL", mcpUrl);
            SetDefault("AGENTCORE_GATEWAY_BENCH_AUTH_TYPE", "NONE");
        }

        if (!string.Equals(Environment.GetEnvironmentVariable("APP_LOGGING"), "on", StringComparison.OrdinalIgnoreCase))
        {
            SetDefault("AGENTHOST_LOG_LEVEL", "Warning");
        }

        string? sqlitePath = null;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AGENTHOST_SQLITE_PATH")))
        {
            var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
            sqlitePath = Path.Combine(folder, $"agenthost-bench-{Environment.ProcessId}.db");
            Environment.SetEnvironmentVariable("AGENTHOST_SQLITE_PATH", sqlitePath);
        }

        var latencyMs = int.TryParse(Environment.GetEnvironmentVariable("MODEL_LATENCY_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : 0;
        return new BenchEnvironment(TimeSpan.FromMilliseconds(latencyMs), sqlitePath);
    }

    public void Dispose()
    {
        if (_sqlitePath is null)
        {
            return;
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(_sqlitePath + suffix);
            }
            catch (IOException)
            {
                // best effort: /dev/shm is cleared at reboot anyway
            }
        }
    }

    private static void SetDefault(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
