using AgentHost.Benchmarks.Host;
using AgentHost.Hosting.Composition;
using AgentHost.Server;

_ = StartupReporter.MainAtMs;
StartupReporter.CountExceptions();

// bench.mjs --agent-cmd contract: PORT, MCP_URL, TOOL_DISCOVERY, APP_LOGGING, MODEL_LATENCY_MS (see BenchEnvironment).
var bench = BenchEnvironment.Apply();
try
{
    return await ServerApplication.RunAsync(
        args,
        agent => agent.UseModel(_ => new ScriptedChatClient(bench.ModelLatency), "scripted peer model (bench)"),
        builder =>
        {
            builder.Services.AddHostedService<StartupReporter>();
            StartupReporter.BuiltAtMs = StartupReporter.SinceStart();
        });
}
finally
{
    bench.Dispose();
}
