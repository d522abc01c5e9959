using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Hosting.Startup;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Telemetry.Tests;

/// <summary>The agent host composed as the CLI composes it (shared start-up, telemetry set-up), with a scripted model, local tools, the in-memory store and a capturing log provider.</summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessHost(IHost host, CapturingLoggerProvider logs, bool exportEnabled)
    {
        _host = host;
        Logs = logs;
        ExportEnabled = exportEnabled;
    }

    public CapturingLoggerProvider Logs { get; }

    public bool ExportEnabled { get; }

    public IServiceProvider Services => _host.Services;

    public AgentSessionService Sessions => _host.Services.GetRequiredService<AgentSessionService>();

    public static async Task<InProcessHost> StartAsync(IChatClient model, Dictionary<string, string> environment, params AIFunction[] tools)
    {
        // The control layer would deny these unannotated test tools (fail closed); these tests are about telemetry alone.
        var configuration = AgentHostConfiguration.Build(environment: new Dictionary<string, string>
        {
            ["AGENTHOST_CONTROL"] = "false",
            ["AGENTHOST_STORE"] = "memory",
        });
        var settings = AgentHostSettingsLoader.Load(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        var agent = builder.Services.AddAgentHost(settings, configuration);
        var enabled = AgentHostTelemetrySetup.Configure(builder, agent, environment);
        agent.UseModel(_ => model, "scripted model")
            .UseStore(_ => new InMemoryConversationStore(), "in memory")
            .WithTools(tools);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new InProcessHost(host, logs, enabled);
    }

    /// <summary>Stops the host: the exporters flush what they hold.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
