using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Sessions;
using AgentHost.Core.Tools;
using AgentHost.Gateway;
using Microsoft.Extensions.AI;
using AgentHost.DevGateway;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Hosting.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Cli.Clients;

/// <summary>Runs the agent inside the CLI process: the same composition as the server, plus the development gateway when no gateway is configured.</summary>
internal sealed class InProcessAgentClient : IAgentClient
{
    private readonly IHost _host;
    private readonly DevGatewayHandle? _devGateway;
    private readonly AgentSessionService _sessions;

    private InProcessAgentClient(IHost host, DevGatewayHandle? devGateway, string description)
    {
        _host = host;
        _devGateway = devGateway;
        _sessions = host.Services.GetRequiredService<AgentSessionService>();
        Description = description;
    }

    public string Description { get; }

    public bool HasStore => true;

    /// <summary>Starts the agent with the server's composition and start-up: the development gateway when the policy says so, tools discovered (bounded by <c>Runtime:GatewayStartupWaitSeconds</c>), the store opened.</summary>
    public static async Task<InProcessAgentClient> StartAsync(IConfigurationRoot configuration, AgentHostSettings settings, bool verbose, CancellationToken cancellationToken)
    {
        DevGatewayHandle? devGateway = null;
        if (DevGatewayPolicy.ShouldStart(settings, configuration, AgentHostKind.Cli))
        {
            devGateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { Port = settings.DevGateway.Port, BearerToken = null }, cancellationToken);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        AgentHostLogging.Configure(builder.Logging, configuration, settings.Runtime, AgentHostKind.Cli, verbose);
        var agent = builder.Services.AddAgentHost(settings, configuration, devGateway?.Endpoint);
        AgentHostTelemetrySetup.Configure(builder, agent);
        var host = builder.Build();
        AgentHostStartup.BeginDiscovery(host.Services);
        await host.StartAsync(cancellationToken);
        var startup = await AgentHostStartup.CompleteAsync(host.Services, cancellationToken);
        var description = host.Services.GetRequiredService<AgentHostDescription>();
        return new InProcessAgentClient(host, devGateway, $"{description.ToStartupLine()}{Environment.NewLine}  Tools available: {startup.ToolCount}");
    }

    public async IAsyncEnumerable<AgentEvent> RunTurnAsync(string sessionId, string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new SessionTurnRequest
        {
            SessionId = sessionId,
            Prompt = prompt,
            Channel = "CLI",
            Metadata = new SessionMetadata { Channel = "CLI" },
        };
        await foreach (var item in _sessions.RunTurnStreamingAsync(request, cancellationToken))
        {
            yield return item is SessionTurnFinishedEvent finished ? new CliTurnFinished(TurnResponseMapper.ToResponse(finished.Result)) : item;
        }
    }

    public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(int limit, CancellationToken cancellationToken) =>
        _sessions.Store.ListSessionsAsync(new SessionListQuery { Limit = limit }, cancellationToken);

    public IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, CancellationToken cancellationToken) =>
        _sessions.Store.ReadTurnsAsync(sessionId, 1, cancellationToken);

    public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        _sessions.Store.DeleteSessionAsync(sessionId, cancellationToken);

    public async Task<IReadOnlyList<(string Name, string Description)>> ListToolsAsync(CancellationToken cancellationToken)
    {
        // The whole catalog (not the per-call selection), after the allow/deny lists.
        var settings = _host.Services.GetRequiredService<AgentHostSettings>();
        var filter = new ToolNameFilter(settings.Agent.Tools.Allow, settings.Agent.Tools.Deny);
        IEnumerable<AITool> tools = _host.Services.GetService<GatewayToolProvider>()?.AllTools ?? [];
        if (_host.Services.GetService<GatewayToolProvider>() is null)
        {
            var context = new ToolSelectionContext(new InvocationContext { SessionId = "cli-tools", TurnId = "tools" }, [], 1);
            tools = await _host.Services.GetRequiredService<IToolProvider>().GetToolsAsync(context, cancellationToken);
        }

        return tools.Where(t => filter.IsAllowed(AgentHostServiceCollectionExtensions.NamesOf(t))).Select(t => (t.Name, t.Description)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_devGateway is not null)
        {
            await _devGateway.DisposeAsync();
        }
    }
}
