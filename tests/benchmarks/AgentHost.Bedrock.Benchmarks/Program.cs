using System.Diagnostics;
using System.Globalization;
using AgentHost.Aws.Credentials;
using AgentHost.Bedrock;
using AgentHost.Bedrock.Benchmarks;
using Microsoft.Extensions.AI;

// Stopwatch / allocation harness (no BenchmarkDotNet dependency): warm up, then measure N sequential streams.
const int Warmup = 50;
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;

var body = StreamBody.Create();
var options = new BedrockChatClientOptions { ModelId = "us.anthropic.claude-sonnet-4-20250514-v1:0", Region = "us-east-1", Endpoint = new Uri("https://bedrock-runtime.us-east-1.amazonaws.com") };
using var client = new BedrockChatClient(options, new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token")), new ReplayHandler(body));
List<ChatMessage> history = [new(ChatRole.System, "You are a contact-centre assistant."), new(ChatRole.User, "Where is my order A-1001? Please explain in detail.")];
var tool = AIFunctionFactory.Create((string order_id, bool verbose) => order_id + verbose, "get_order_status", "Look up an order.");
var chatOptions = new ChatOptions { Tools = [tool], MaxOutputTokens = 1024 };

for (var i = 0; i < Warmup; i++)
{
    await RunOnceAsync().ConfigureAwait(false);
}

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var gen0Before = GC.CollectionCount(0);
var wall = Stopwatch.StartNew();
var updates = 0;
for (var i = 0; i < iterations; i++)
{
    updates = await RunOnceAsync().ConfigureAwait(false);
}

wall.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stream of {StreamBody.TextTokens} text tokens + 1 tool call ({body.Length} bytes, {updates} updates), {iterations} iterations after {Warmup} warm-up:"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wall time per stream : {wall.Elapsed.TotalMicroseconds / iterations:F1} us"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU time per stream  : {cpu.TotalMicroseconds / iterations:F1} us (process CPU, includes GC/JIT background threads)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated per stream : {allocated / iterations / 1024.0:F1} KiB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  gen0 GCs             : {GC.CollectionCount(0) - gen0Before}"));

async Task<int> RunOnceAsync()
{
    var count = 0;
    var sawCall = false;
    await foreach (var update in client.GetStreamingResponseAsync(history, chatOptions).ConfigureAwait(false))
    {
        count++;
        sawCall |= update.Contents.OfType<FunctionCallContent>().Any();
    }

    if (!sawCall)
    {
        throw new InvalidOperationException("The tool call was not assembled.");
    }

    return count;
}
