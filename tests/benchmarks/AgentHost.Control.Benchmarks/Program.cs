using System.Diagnostics;
using System.Globalization;
using AgentHost.Control.Benchmarks;
using AgentHost.Core.Sessions;
using AgentHost.DevGateway;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Hosting.Startup;
using AgentHost.Storage.DynamoDb;
using AgentHost.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: dotnet run -c Release --project tests/benchmarks/AgentHost.Control.Benchmarks -- [sqlite|dynamodb|both] [invocations per block] [blocks]
// The development gateway runs in a child process (its CPU is not the host's); DynamoDB Local runs in its own JVM.
if (args.Length > 0 && args[0] == "--serve-gateway")
{
    await using var gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { Port = 0 });
    Console.WriteLine(gateway.Endpoint);
    await Console.In.ReadToEndAsync();
    return 0;
}

if (args.Length > 0 && args[0] == "micro")
{
    await MicroBenchmark.RunAsync();
    return 0;
}

var stores = args.Length > 0 ? args[0] : "both";
var perBlock = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var blocks = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6;
var folder = Path.Combine(Path.GetTempPath(), "agenthost-control-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);

using var gatewayProcess = Process.Start(new ProcessStartInfo("dotnet", [typeof(ScenarioModel).Assembly.Location, "--serve-gateway"]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false })!;
var endpoint = await gatewayProcess.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The gateway did not start.");
Console.WriteLine($"Development gateway (child process {gatewayProcess.Id}): {endpoint}");

// The gateway and AWS variables are read from the process environment.
Environment.SetEnvironmentVariable("AGENTCORE_GATEWAY_BENCH_URL", endpoint);
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "fake");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "fake");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; shared with other work: figures are indicative, compare A and B of the same run only.");

try
{
    foreach (var (tool, arguments, label) in new (string, Dictionary<string, object?>, string)[]
    {
        ("crm___get_investor_profile", new() { ["investorId"] = "LP-001" }, "read tool (no annotations yet: intent + audit)"),
        ("notifications___send_notification", new() { ["investorId"] = "LP-001", ["channel"] = "email", ["message"] = "Your statement is ready." }, "write tool (intent + audit)"),
    })
    {
        if (stores is "memory")
        {
            await CompareAsync($"in memory, {label}", control => new() { ["AGENTHOST_STORE"] = "memory" }, tool, arguments);
        }

        if (stores is "sqlite" or "both")
        {
            await CompareAsync($"SQLite, {label}", control => SqliteEnvironment(control), tool, arguments);
        }

        if (stores is "dynamodb" or "both")
        {
            await using var dynamo = await DynamoDbLocalServer.StartAsync();
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", dynamo.ServiceUrl.ToString());
            await CompareAsync($"DynamoDB Local, {label}", control => DynamoEnvironment(dynamo, control), tool, arguments);
        }
    }
}
finally
{
    gatewayProcess.StandardInput.Close();
    await gatewayProcess.WaitForExitAsync();
    Directory.Delete(folder, recursive: true);
}

return 0;

Dictionary<string, string> SqliteEnvironment(bool control) => new()
{
    ["AGENTHOST_STORE"] = "sqlite",
    ["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder, $"bench-{(control ? "control" : "plain")}-{Guid.NewGuid():N}.db"),
};

Dictionary<string, string> DynamoEnvironment(DynamoDbLocalServer dynamo, bool control) => new()
{
    ["AGENTHOST_STORE"] = "dynamodb",
    ["AGENTHOST_DYNAMODB_TABLE"] = "bench-" + Guid.NewGuid().ToString("N"),
    ["AGENTHOST_DYNAMODB_CREATE_TABLE"] = "true",
};

async Task CompareAsync(string title, Func<bool, Dictionary<string, string>> environment, string tool, Dictionary<string, object?> arguments)
{
    using var plain = await StartHostAsync(environment(false), control: false, tool, arguments);
    using var controlled = await StartHostAsync(environment(true), control: true, tool, arguments);
    // Warm up both until the JIT's tiered compilation has settled (the first blocks otherwise measure the compiler).
    for (var round = 0; round < 3; round++)
    {
        await RunAsync(plain, 100, $"warm-a{round}");
        await RunAsync(controlled, 100, $"warm-b{round}");
    }

    var cpu = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
    var wall = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
    for (var block = 0; block < blocks; block++)
    {
        // Interleaved A/B blocks, alternating which goes first.
        foreach (var withControl in block % 2 == 0 ? new[] { false, true } : [true, false])
        {
            GC.Collect();
            var (cpuMs, wallMs) = await RunAsync(withControl ? controlled : plain, perBlock, $"b{block}");
            cpu[withControl].Add(cpuMs / perBlock);
            wall[withControl].Add(wallMs / perBlock);
        }
    }

    var a = Median(cpu[false]);
    var b = Median(cpu[true]);
    Console.WriteLine();
    Console.WriteLine($"== {title}: {blocks} interleaved blocks of {perBlock} invocations each (median of blocks)");
    Console.WriteLine($"   without control layer: {a:0.000} CPU ms/invocation, {Median(wall[false]):0.000} wall ms/invocation");
    Console.WriteLine($"   with control layer:    {b:0.000} CPU ms/invocation, {Median(wall[true]):0.000} wall ms/invocation");
    // Each A block ran next to a B block: the median of the pairwise differences is the least disturbed by other work.
    var added = Median(cpu[true].Zip(cpu[false], (with, without) => with - without).ToList());
    Console.WriteLine($"   added (median of the {blocks} paired differences): {added:0.000} CPU ms/invocation = {added / a * 100:0.0} % host CPU (target < 15 % with SQLite)");
    Console.WriteLine($"   blocks A: {string.Join(" ", cpu[false].Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))} | B: {string.Join(" ", cpu[true].Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}");
}

async Task<BenchHost> StartHostAsync(Dictionary<string, string> variables, bool control, string tool, Dictionary<string, object?> arguments)
{
    variables["AGENTHOST_DEVGATEWAY"] = "false";
    variables["AGENTHOST_CONTROL"] = control ? "true" : "false";
    variables["AGENTHOST_LOG_LEVEL"] = "Warning";
    var configuration = AgentHostConfiguration.Build(environment: variables);
    var settings = AgentHostSettingsLoader.Load(configuration);
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Services.AddAgentHost(settings, configuration).UseModel(_ => new ScenarioModel(tool, arguments), "scenario model");
    var host = builder.Build();
    await host.StartAsync();
    await AgentHostStartup.CompleteAsync(host.Services);
    return new BenchHost(host, host.Services.GetRequiredService<AgentSessionService>());
}

async Task<(double CpuMs, double WallMs)> RunAsync(BenchHost host, int count, string tag)
{
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var result = await host.Sessions.RunTurnAsync(new SessionTurnRequest { SessionId = $"bench-{tag}-{i}-{Guid.NewGuid():N}", Prompt = "Tell me about investor LP-001." });
        if (result.Outcome.ToolCalls.Count != 1 || result.Outcome.ToolCalls[0].Status != AgentHost.Abstractions.Agents.ToolCallStatus.Success)
        {
            throw new InvalidOperationException($"The scenario went wrong: {result.Outcome.StopReason} {result.Outcome.ErrorMessage}, {string.Join(", ", result.Outcome.ToolCalls.Select(c => $"{c.Name} {c.Status} {c.Error}"))}");
        }
    }

    clock.Stop();
    process.Refresh();
    return ((process.TotalProcessorTime - cpuBefore).TotalMilliseconds, clock.Elapsed.TotalMilliseconds);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

/// <summary>One composed host and its session service.</summary>
internal sealed record BenchHost(IHost Host, AgentSessionService Sessions) : IDisposable
{
    public void Dispose()
    {
        Host.StopAsync().GetAwaiter().GetResult();
        Host.Dispose();
    }
}
