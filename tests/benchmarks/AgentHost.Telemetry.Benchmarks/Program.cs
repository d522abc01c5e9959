using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentHost.Telemetry.Benchmarks;

// Prints figures only; nothing here asserts on time. Two modes:
//  server (default): the server as a separate process (Release build, offline model, in-process development gateway over MCP,
//    SQLite store); its CPU time is read from the operating system, without the load generator's.
//  inproc: the agent host composed in this process (bench model, one local tool, in-memory store): the agent's own work only.
// The OTLP sink runs in a child process, so receiving the exports costs the measured process nothing. Rounds interleave the
// configurations (baseline, export off, export on) so that a busy neighbour affects all alike.
// Usage: [server|inproc] [rounds] [warm-up] [measured] [baseline AgentHost.Server.dll built from a commit without telemetry]
var invariant = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "sink")
{
    await using var child = await OtlpSink.StartAsync();
    Console.WriteLine(child.Endpoint);
    await Console.In.ReadLineAsync();
    Console.WriteLine($"{child.Requests} {child.Bytes}");
    return 0;
}

var mode = args.Length > 0 ? args[0] : "server";
var rounds = args.Length > 1 ? int.Parse(args[1], invariant) : 4;
var warmup = args.Length > 2 ? int.Parse(args[2], invariant) : (mode == "inproc" ? 2000 : 300);
var measured = args.Length > 3 ? int.Parse(args[3], invariant) : (mode == "inproc" ? 5000 : 1000);
var baseline = args.Length > 4 && mode == "server" ? Path.GetFullPath(args[4]) : null;
var current = Path.Combine(AppContext.BaseDirectory, "AgentHost.Server.dll");
Console.WriteLine($"AgentHost telemetry overhead ({mode}): CPU per invocation");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {rounds} rounds, {warmup} warm-up + {measured} measured invocations per configuration and round (one tool call, two model calls per invocation)");
Console.WriteLine("export on: OTLP/HTTP protobuf to a sink on 127.0.0.1 (another process), batch and metric intervals 1 s (defaults 5 s and 60 s: a conservative setting)");
if (mode == "server" && baseline is null)
{
    Console.WriteLine("no baseline server given: 'export off' is compared with 'export on' only");
}

using var sinkProcess = StartSink(out var sinkEndpoint);
var configurations = new List<(string Name, string Server, bool Export)>();
if (baseline is not null)
{
    configurations.Add(("baseline (no telemetry code)", baseline, false));
}

configurations.Add(("export off", current, false));
configurations.Add(("export on", current, true));
var results = configurations.ToDictionary(c => c.Name, _ => new List<double>());
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, server, export) in configurations)
    {
        var environment = new Dictionary<string, string>();
        if (export)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = sinkEndpoint.TrimEnd('/');
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        var (cpuMs, wallMs) = mode == "inproc"
            ? (await InProcessRun.MeasureCpuMsAsync(environment, warmup, measured), double.NaN)
            : await MeasureAsync(server, environment, warmup, measured);
        results[name].Add(cpuMs / measured);
        Console.WriteLine($"round {round + 1} {name}: {(cpuMs / measured).ToString("0.000", invariant)} CPU ms/invocation" + (double.IsNaN(wallMs) ? string.Empty : $", {(wallMs / measured).ToString("0.000", invariant)} wall ms/invocation"));
    }
}

double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

var off = Median(results["export off"]);
var on = Median(results["export on"]);
Console.WriteLine($"median CPU ms/invocation: export off {off.ToString("0.000", invariant)}, export on {on.ToString("0.000", invariant)}: export adds {((on - off) / off * 100).ToString("0.0", invariant)} % (target < 15 %)");
if (baseline is not null)
{
    var base0 = Median(results["baseline (no telemetry code)"]);
    Console.WriteLine($"median CPU ms/invocation: baseline {base0.ToString("0.000", invariant)}: the telemetry code with export off adds {((off - base0) / base0 * 100).ToString("0.0", invariant)} % (target < 5 %), export on adds {((on - base0) / base0 * 100).ToString("0.0", invariant)} %");
}

await sinkProcess.StandardInput.WriteLineAsync();
var received = (await sinkProcess.StandardOutput.ReadLineAsync())?.Split(' ') ?? ["?", "?"];
Console.WriteLine($"the sink received {received[0]} requests, {received[^1]} bytes");
Console.WriteLine("Caveat: the machine is shared; figures measured while others build are noise. Re-run on a quiet machine.");
return 0;

static async Task<(double CpuMs, double WallMs)> MeasureAsync(string server, Dictionary<string, string> environment, int warmup, int measured)
{
    var folder = Path.Combine(Path.GetTempPath(), "agenthost-telemetry-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet")
    {
        WorkingDirectory = folder,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    start.ArgumentList.Add(server);
    foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_GATEWAY_", StringComparison.Ordinal)).ToList())
    {
        start.Environment.Remove(key);
    }

    start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
    start.Environment["AGENTHOST_MODEL_PROVIDER"] = "offline";
    start.Environment["AGENTHOST_DEVGATEWAY"] = "true";
    start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder, "bench.db");
    start.Environment["AGENTHOST_RUNTIME__LOGLEVEL"] = "Warning";
    foreach (var (key, value) in environment)
    {
        start.Environment[key] = value;
    }

    using var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    };
    try
    {
        await WaitHealthyAsync(http);
        for (var i = 0; i < warmup; i++)
        {
            await InvokeAsync(http, i);
        }

        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < measured; i++)
        {
            await InvokeAsync(http, warmup + i);
        }

        watch.Stop();
        process.Refresh();
        return ((process.TotalProcessorTime - cpuBefore).TotalMilliseconds, watch.Elapsed.TotalMilliseconds);
    }
    finally
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
    }
}

static Process StartSink(out string endpoint)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
    start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentHost.Telemetry.Benchmarks.dll"));
    start.ArgumentList.Add("sink");
    var process = Process.Start(start)!;
    endpoint = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The sink did not start.");
    return process;
}

static async Task InvokeAsync(HttpClient http, int i)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations")
    {
        Content = new StringContent("""{"prompt":"What is the portfolio of investor LP-001?"}""", Encoding.UTF8, "application/json"),
    };
    request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "bench-session-" + i.ToString("D30", CultureInfo.InvariantCulture));
    using var response = await http.SendAsync(request);
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"Invocation failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

static async Task WaitHealthyAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 600; attempt++)
    {
        try
        {
            using var response = await http.GetAsync("/ping");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The server did not become healthy within 60 seconds.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
