using System.Diagnostics;
using System.Globalization;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Benchmarks;
using AgentHost.Gateway.Tests.Support;
using Microsoft.Extensions.AI;

// Prints figures only; nothing here asserts on time. Everything runs on 127.0.0.1 against the real C# MCP test server.
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine("AgentHost.Gateway benchmarks");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.Version}");

// 1. tools/list calls per invocation in steady state (one invocation = 2 model calls + 1 tool call).
{
    await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(200), s => s.PageSize = 100);
    await using var host = await BenchmarkHost.StartAsync(server.Url);
    await host.WaitForToolsAsync(200);
    var before = server.ListCalls;
    const int invocations = 200;
    for (var i = 0; i < invocations; i++)
    {
        var context = new ToolSelectionContext(new InvocationContext { SessionId = "s", TurnId = "t" + i }, [new ChatMessage(ChatRole.User, $"Where is parcel {i}? Track it.")], 1);
        await host.Provider.GetToolsAsync(context);
        var tool = await host.Provider.ResolveAsync("shipping___track_parcel") ?? throw new InvalidOperationException("not resolved");
        await tool.InvokeAsync(new AIFunctionArguments { ["trackingNumber"] = "1Z" + i.ToString(invariant) });
        await host.Provider.GetToolsAsync(context with { Cycle = 2 });
    }

    var perInvocation = (double)(server.ListCalls - before) / invocations;
    Console.WriteLine($"steady state: {invocations} invocations, tools/list calls during them: {server.ListCalls - before} ({perInvocation.ToString("0.###", invariant)} per invocation), discovery used {before} list pages");
}

// 2. Time to first discovery (host start -> catalog ready), median of 5 runs, for 100 and 1,000 tools (pages of 100).
foreach (var count in new[] { 100, 1000 })
{
    await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(count), s => s.PageSize = 100);
    var samples = new List<double>();
    for (var run = 0; run < 6; run++)
    {
        var watch = Stopwatch.StartNew();
        await using var host = await BenchmarkHost.StartAsync(server.Url);
        await host.WaitForToolsAsync(count);
        watch.Stop();
        if (run > 0)
        {
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    samples.Sort();
    Console.WriteLine($"first discovery of {count} tools: median {samples[samples.Count / 2].ToString("0.0", invariant)} ms (min {samples[0].ToString("0.0", invariant)}, max {samples[^1].ToString("0.0", invariant)}; 5 runs after 1 warm-up; {count / 100} pages)");
}

// 3. Bytes of tool specifications per model call with 200 tools, with and without search.
{
    await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(200));
    var context = new ToolSelectionContext(new InvocationContext { SessionId = "s", TurnId = "t" }, [new ChatMessage(ChatRole.User, "Where is my parcel? The tracking number is 1Z999.")], 1);
    await using (var all = await BenchmarkHost.StartAsync(server.Url, o => o.SelectionThreshold = int.MaxValue))
    {
        await all.WaitForToolsAsync(200);
        var tools = await all.Provider.GetToolsAsync(context);
        Console.WriteLine($"tool specs per model call, 200 tools, no search: {tools.Count} tools, {ToolSpecBytes.Measure(tools).ToString("N0", invariant)} bytes");
    }

    await using (var selected = await BenchmarkHost.StartAsync(server.Url))
    {
        await selected.WaitForToolsAsync(200);
        var tools = await selected.Provider.GetToolsAsync(context);
        var broad = await selected.Provider.GetToolsAsync(context with { Messages = [new ChatMessage(ChatRole.User, "list orders billing shipping customers inventory tickets loyalty returns payments products")] });
        Console.WriteLine($"tool specs per model call, 200 tools, with search (threshold 20, selection 10): {tools.Count} tools, {ToolSpecBytes.Measure(tools).ToString("N0", invariant)} bytes; broad query: {broad.Count} tools, {ToolSpecBytes.Measure(broad).ToString("N0", invariant)} bytes");
    }
}
