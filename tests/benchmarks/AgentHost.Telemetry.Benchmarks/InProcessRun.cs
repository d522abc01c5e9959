using System.Diagnostics;
using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Hosting.Startup;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Telemetry.Benchmarks;

/// <summary>
/// The agent host composed in this process as the server composes it (shared start-up, telemetry set-up), with the bench
/// model, one local tool and the in-memory store: the CPU of the agent's own work, without HTTP, the gateway or SQLite.
/// </summary>
internal static class InProcessRun
{
    public static async Task<double> MeasureCpuMsAsync(Dictionary<string, string> environment, int warmup, int measured)
    {
        var configuration = AgentHostConfiguration.Build(environment: new Dictionary<string, string>());
        var settings = AgentHostSettingsLoader.Load(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        AgentHostLogging.Configure(builder.Logging, configuration, settings.Runtime, AgentHostKind.Server);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var agent = builder.Services.AddAgentHost(settings, configuration);
        AgentHostTelemetrySetup.Configure(builder, agent, environment);
        var tool = new LookupTool();
        agent.UseModel(_ => new BenchModel(), "bench model").UseStore(_ => new InMemoryConversationStore(), "in memory").WithTools(tool);
        using var host = builder.Build();
        await host.StartAsync();
        var sessions = host.Services.GetRequiredService<AgentSessionService>();
        for (var i = 0; i < warmup; i++)
        {
            await RunAsync(sessions, i);
        }

        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < measured; i++)
        {
            await RunAsync(sessions, warmup + i);
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - before).TotalMilliseconds;
        await host.StopAsync();
        return cpu;
    }

    private static async Task RunAsync(AgentSessionService sessions, int i)
    {
        await foreach (var _ in sessions.RunTurnStreamingAsync(new SessionTurnRequest { SessionId = "bench-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Prompt = "Who is customer C-1000?", Channel = "CHAT" }))
        {
        }
    }
}

/// <summary>The benchmark's one tool.</summary>
internal sealed class LookupTool : AIFunction
{
    public override string Name => "lookup_customer";

    public override string Description => "Looks up a customer by id.";

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>($$"""{"customerId":"{{arguments["customerId"]}}","name":"Jane Roe","tier":"gold","memberSince":"2019"}""");
}
