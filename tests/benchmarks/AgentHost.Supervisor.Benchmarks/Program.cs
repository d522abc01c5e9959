using System.Diagnostics;
using System.Globalization;
using AgentHost.Abstractions.Supervision;
using AgentHost.Core.Sessions;
using AgentHost.Supervision;
using AgentHost.Supervisor;
using AgentHost.Supervisor.Benchmarks;
using AgentHost.Testing.Models;
using AgentHost.Testing.Supervision;
using Microsoft.Extensions.AI;

// Usage: dotnet run -c Release --project tests/benchmarks/AgentHost.Supervisor.Benchmarks -- [conversations] [seconds] [sqlite|dynamodb]
// A "runtime" (the supervised test host: a scripted model that waits like a model, tools, the activity feed at the
// production flush interval) runs tool-using turns on N concurrent conversations for a bounded time, writing to SQLite;
// the supervisor console, with its own store instances over the same file (as another process would), streams each
// conversation's activity to one SSE client per conversation, as each open conversation page does. Latency = the
// time an event happened (its At, set when the runtime published it) to the time its frame arrived at the client.
var conversations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var storeKind = args.Length > 2 ? args[2] : "sqlite";
var modelDelay = TimeSpan.FromMilliseconds(400);
var toolDelay = TimeSpan.FromMilliseconds(150);
var thinkTime = TimeSpan.FromMilliseconds(500);
var runtimeOptions = new SupervisionOptions();
var consoleOptions = new SupervisorConsoleOptions { Url = "http://127.0.0.1:0" };

var folder = Path.Combine(Path.GetTempPath(), "agenthost-supervisor-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
await using var stores = await BenchmarkStores.OpenAsync(storeKind, folder);
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start; shared with other work: figures are indicative.");
Console.WriteLine($"{conversations} concurrent conversations for {seconds} s; model calls {modelDelay.TotalMilliseconds} ms, tool {toolDelay.TotalMilliseconds} ms, {thinkTime.TotalMilliseconds} ms between turns; flush interval {runtimeOptions.FlushInterval.TotalMilliseconds} ms, console poll {consoleOptions.PollInterval.TotalMilliseconds} ms; {stores.Description}");

var (runtimeStore, runtimeGuidance) = (stores.RuntimeFeed, stores.RuntimeGuidance);
var (consoleStore, consoleGuidance) = (stores.ConsoleFeed, stores.ConsoleGuidance);
var model = new ScriptedChatClient();
await using var runtime = new SupervisedTestHost(runtimeStore, runtimeGuidance, model: model, options: runtimeOptions) { LookupGate = ct => Task.Delay(toolDelay, ct) };

// Every model call waits like a model, then calls the lookup tool or, after its result, answers.
model.Fallback = _ => throw new InvalidOperationException("The script ran out.");
for (var i = 0; i < conversations * (seconds + 5) * 2; i++)
{
    model.ThenAsync(async (call, ct) =>
    {
        await Task.Delay(modelDelay, ct);
        return call.Messages.LastOrDefault(m => m.Role != ChatRole.System)?.Role == ChatRole.Tool
            ? Responses.Text("Your balance is 42.50.")
            : Responses.ToolCalls(SupervisedTestHost.Call("lookup"));
    });
}

await using var consoleSupervision = new SupervisionLayer(consoleStore, consoleGuidance, conversations: null, audit: null, approvals: null);
await using var console = SupervisorConsole.Create(new SupervisorConsoleServices(consoleSupervision, null, null, TimeProvider.System), consoleOptions);
await console.StartAsync(CancellationToken.None);
using var http = new HttpClient { BaseAddress = console.Address, Timeout = Timeout.InfiniteTimeSpan };
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", console.DevelopmentTokenValue);

var sessions = Enumerable.Range(0, conversations).Select(i => "bench-" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
using var streams = new CancellationTokenSource();
var clients = sessions.Select(s => new StreamClient(http, s)).ToArray();
var clientTasks = clients.Select(c => c.RunAsync(streams.Token)).ToArray();
await Task.Delay(500);

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(seconds);
var turns = 0;
var failures = 0;
var writesBefore = runtime.Supervision.Publisher.Writes;
await Task.WhenAll(sessions.Select(async (session, index) =>
{
    await Task.Delay(TimeSpan.FromMilliseconds(index * 1_000.0 / conversations));
    while (clock.Elapsed < deadline)
    {
        var result = await runtime.Sessions.RunTurnAsync(new SessionTurnRequest { SessionId = session, Prompt = "What is my balance?", Channel = "CHAT" }, CancellationToken.None);
        Interlocked.Increment(ref result.Outcome.StopReason == AgentHost.Abstractions.Agents.StopReason.EndTurn ? ref turns : ref failures);
        await Task.Delay(thinkTime);
    }
}));
await runtime.Supervision.Publisher.FlushAsync();
var runWall = clock.Elapsed;
var writes = runtime.Supervision.Publisher.Writes - writesBefore;

// Let the streams catch up (bounded), then stop them.
var expected = 0L;
foreach (var session in sessions)
{
    expected += (await consoleStore.GetSessionAsync(session))?.LastSequence ?? 0;
}

var settle = Stopwatch.StartNew();
while (clients.Sum(c => c.Received.Count) < expected && settle.Elapsed < TimeSpan.FromSeconds(10))
{
    await Task.Delay(50);
}

var cpu = process.TotalProcessorTime - cpuBefore;
var wall = clock.Elapsed;
await streams.CancelAsync();
await Task.WhenAll(clientTasks);

var latencies = new List<double>();
var missing = 0;
for (var i = 0; i < sessions.Length; i++)
{
    foreach (var activity in await consoleStore.ReadAsync(sessions[i], 0, 100_000))
    {
        if (clients[i].Received.TryGetValue(activity.Sequence, out var at))
        {
            latencies.Add((at - activity.At).TotalMilliseconds);
        }
        else
        {
            missing++;
        }
    }
}

latencies.Sort();
Console.WriteLine($"Turns: {turns} finished, {failures} not; activity writes: {writes} ({(double)writes / Math.Max(1, turns + failures):F2} per turn), {latencies.Count} events streamed, {missing} not received; {runtime.Supervision.Publisher.Dropped} dropped by the publisher.");
if (stores.WriteCapacityUnits() is { } capacity)
{
    Console.WriteLine($"DynamoDB write capacity of the feed: {capacity:F0} WCU ({capacity / Math.Max(1, writes):F1} per write, {capacity / Math.Max(1, turns + failures):F1} per turn; transactional writes count double).");
}

Console.WriteLine($"Event → visible in the page (SSE frame received): p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {(latencies.Count > 0 ? latencies[^1] : 0):F0} ms");
Console.WriteLine($"Wall {wall.TotalMilliseconds:F0} ms (turns {runWall.TotalMilliseconds:F0} ms), process CPU {cpu.TotalMilliseconds:F0} ms ({cpu.TotalMilliseconds / wall.TotalMilliseconds * 100:F0} % of one core; runtime, console and {conversations} stream clients in one process); load average {LoadAverage()} at end.");
await console.DisposeAsync();
await stores.DisposeAsync();
Directory.Delete(folder, recursive: true);
return missing == 0 && failures == 0 ? 0 : 1;

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
