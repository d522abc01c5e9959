// Prints the Connect bridge's figures: cold start of the published Native AOT bootstrap (process start to its first
// Runtime API "next") and the warm overhead per turn (the emulator's delivery of the event to the bootstrap's response,
// with a data plane that answers at once), in wall and CPU milliseconds. Usage:
//   dotnet run -c Release --project tests/benchmarks/AgentHost.Connect.Benchmarks -- [--bootstrap PATH] [--cold N] [--turns N]
// Without --bootstrap it publishes src/Applications/AgentHost.Connect.Lambda for linux-x64 first. Timing on a shared
// machine is noise: read the CPU figures alongside the wall-clock ones.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentHost.Connect.Lambda.Tests.Support;

var bootstrap = Option("--bootstrap");
var coldRuns = int.Parse(Option("--cold") ?? "20", CultureInfo.InvariantCulture);
var turns = int.Parse(Option("--turns") ?? "500", CultureInfo.InvariantCulture);
bootstrap ??= Publish();

var plane = await FakeAgentCoreDataPlane.StartAsync();
var handlerTicks = 0L;
plane.Handler = call =>
{
    var started = Stopwatch.GetTimestamp();
    var body = $$"""{"sessionId":"{{call.SessionId}}","turnId":"{{call.TurnId}}","text":"Your order shipped yesterday.","stopReason":"endTurn","toolCalls":[],"usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"cycles":1}""";
    Interlocked.Add(ref handlerTicks, Stopwatch.GetTimestamp() - started);
    return Task.FromResult((200, body, (string?)null));
};

// Cold start.
var coldWall = new List<double>();
var coldCpu = new List<double>();
for (var run = 0; run < coldRuns; run++)
{
    await using var lambda = await RuntimeApiEmulator.StartAsync();
    await using var process = BootstrapProcess.Start(bootstrap, Environment(lambda.Address, plane.BaseUri));
    var firstNext = await lambda.FirstNext.WaitAsync(TimeSpan.FromSeconds(30));
    coldWall.Add((firstNext - process.Started).TotalMilliseconds);
    coldCpu.Add(CpuMilliseconds(process));
}

// Warm turns.
var wall = new List<double>();
double cpuPerTurn;
await using (var lambda = await RuntimeApiEmulator.StartAsync())
{
    await using var process = BootstrapProcess.Start(bootstrap, Environment(lambda.Address, plane.BaseUri));
    var lexEvent = Encoding.UTF8.GetBytes("""{"messageVersion":"1.0","invocationSource":"FulfillmentCodeHook","inputMode":"Text","sessionId":"bench","inputTranscript":"where is my order","bot":{"id":"B","name":"b","localeId":"en_US","version":"DRAFT","aliasId":"A"},"sessionState":{"sessionAttributes":{"ContactId":"4a573372-1f28-4e26-b97b-000000000001","Channel":"CHAT"},"intent":{"name":"FallbackIntent","state":"ReadyForFulfillment"}}}""");
    for (var i = 0; i < 50; i++)
    {
        await lambda.InvokeAsync(lexEvent);
    }

    var cpuBefore = CpuMilliseconds(process);
    Interlocked.Exchange(ref handlerTicks, 0);
    for (var i = 0; i < turns; i++)
    {
        var result = await lambda.InvokeAsync(lexEvent);
        if (result.IsError)
        {
            throw new InvalidOperationException("The bootstrap answered an error: " + Encoding.UTF8.GetString(result.Body));
        }

        wall.Add(result.Elapsed.TotalMilliseconds);
    }

    cpuPerTurn = (CpuMilliseconds(process) - cpuBefore) / turns;
}

var handlerMs = Stopwatch.GetElapsedTime(0, Interlocked.Read(ref handlerTicks)).TotalMilliseconds / turns;
Console.WriteLine($"Connect bridge benchmark ({coldRuns} cold starts, {turns} warm turns; {System.Environment.ProcessorCount} cores; shared machine: wall-clock figures are noisy)");
Console.WriteLine($"cold start, process start -> first next: wall p50 {P(coldWall, 50):0.0} ms, p90 {P(coldWall, 90):0.0} ms, max {coldWall.Max():0.0} ms; CPU p50 {P(coldCpu, 50):0.0} ms (target: wall < 150 ms)");
Console.WriteLine($"warm turn, event delivered -> response posted (runtime answers at once, {handlerMs:0.000} ms in its handler): wall p50 {P(wall, 50):0.00} ms, p90 {P(wall, 90):0.00} ms, p99 {P(wall, 99):0.00} ms; bootstrap CPU {cpuPerTurn:0.00} ms per turn (target: p50 < 3 ms)");
await plane.DisposeAsync();
return 0;

static Dictionary<string, string?> Environment(string runtimeApi, Uri endpoint) => new()
{
    ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
    ["AWS_REGION"] = FakeAgentCoreDataPlane.Region,
    ["AWS_ACCESS_KEY_ID"] = FakeAgentCoreDataPlane.Credentials.AccessKeyId,
    ["AWS_SECRET_ACCESS_KEY"] = FakeAgentCoreDataPlane.Credentials.SecretAccessKey,
    ["AWS_SESSION_TOKEN"] = FakeAgentCoreDataPlane.Credentials.SessionToken,
    ["AWS_EC2_METADATA_DISABLED"] = "true",
    ["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"] = endpoint.ToString(),
    ["AGENTHOST_RUNTIME_ARN"] = FakeAgentCoreDataPlane.RuntimeArn,
    ["HOME"] = Path.GetTempPath(),
};

// CPU time of every thread of the process so far (/proc/PID/task/*/schedstat: nanoseconds on CPU).
static double CpuMilliseconds(BootstrapProcess process)
{
    var total = 0L;
    foreach (var task in Directory.GetDirectories($"/proc/{process.ProcessId}/task"))
    {
        try
        {
            total += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // the thread ended meanwhile
        }
    }

    return total / 1_000_000.0;
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string Publish()
{
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "AgentHost.sln")))
    {
        root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("AgentHost.sln not found");
    }

    var output = Path.Combine(root, "artifacts", "connect-benchmark");
    var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "Applications", "AgentHost.Connect.Lambda"), "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo"]) { UseShellExecute = false };
    using var publish = Process.Start(start)!;
    publish.WaitForExit();
    return publish.ExitCode == 0 ? Path.Combine(output, "bootstrap") : throw new InvalidOperationException("dotnet publish failed");
}
