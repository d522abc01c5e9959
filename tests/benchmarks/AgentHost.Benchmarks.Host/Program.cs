using AgentHost.Benchmarks.Host;
using AgentHost.Hosting.Composition;
using AgentHost.Server;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

_ = StartupReporter.MainAtMs;
StartupReporter.CountExceptions();

// bench.mjs --agent-cmd contract: PORT, MCP_URL, TOOL_DISCOVERY, APP_LOGGING, MODEL_LATENCY_MS (see BenchEnvironment).
var bench = BenchEnvironment.Apply();
try
{
    return await ServerApplication.RunAsync(args, builder =>
    {
        var model = new ScriptedChatClient(bench.ModelLatency);
        builder.Services.Replace(ServiceDescriptor.Singleton(new ModelRegistration((model, "scripted peer model (bench)"))));
        builder.Services.Replace(ServiceDescriptor.Singleton<IChatClient>(model));
        builder.Services.AddHostedService<StartupReporter>();
        StartupReporter.BuiltAtMs = StartupReporter.SinceStart();
    });
}
finally
{
    bench.Dispose();
}
