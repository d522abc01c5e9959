using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Aws.Credentials;
using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.DependencyInjection;
using AgentHost.Gateway.Status;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>The gateway integration as the host wires it: DI, hosted refresh service, provider and status.</summary>
internal sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private GatewayTestHost(ServiceProvider services, ListLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public ListLoggerProvider Logs { get; }

    public GatewayToolProvider Provider => _services.GetRequiredService<GatewayToolProvider>();

    public IToolProvider ToolProvider => _services.GetRequiredService<IToolProvider>();

    public IGatewayStatusProvider Status => _services.GetRequiredService<IGatewayStatusProvider>();

    internal GatewayToolCatalog Catalog => _services.GetRequiredService<GatewayToolCatalog>();

    public static GatewayOptions Gateway(string name, Uri url, GatewayAuthType auth = GatewayAuthType.None) =>
        new() { Name = name, Url = url, AuthType = auth };

    public static async Task<GatewayTestHost> StartAsync(Action<GatewayToolOptions> configure, TimeProvider? time = null, Action<IServiceCollection>? services = null, bool startHostedServices = true)
    {
        var collection = new ServiceCollection();
        var logs = new ListLoggerProvider();
        collection.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.AddSingleton<IAwsCredentialsProvider>(new StaticAwsCredentialsProvider(TestMcpServer.SigningCredentials));
        services?.Invoke(collection);
        collection.AddAgentCoreGateways(o =>
        {
            o.ReadEnvironment = false;
            o.RetryInitialDelay = TimeSpan.FromMilliseconds(50);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(250);
            configure(o);
        });
        var host = new GatewayTestHost(collection.BuildServiceProvider(), logs);
        if (startHostedServices)
        {
            await host.StartHostedServicesAsync();
        }

        return host;
    }

    /// <summary>Starts the hosted refresh service (what the host does in <c>StartAsync</c>).</summary>
    public async Task StartHostedServicesAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    public Task WaitForToolsAsync(int count, Action? eachRound = null) =>
        Poll.UntilAsync(() => Catalog.Current.Tools.Count >= count, $"{count} gateway tools (have {Catalog.Current.Tools.Count})", eachRound);

    public static ToolSelectionContext Context(string userText, params ChatMessage[] more) =>
        new(Invocation(), [new ChatMessage(ChatRole.User, userText), .. more], 1);

    /// <summary>The tool selection context of an invocation made with <paramref name="invocation"/>.</summary>
    public static ToolSelectionContext Context(InvocationContext invocation, string userText) =>
        new(invocation, [new ChatMessage(ChatRole.User, userText)], 1);

    /// <summary>An invocation, with the caller's <c>Authorization</c> header and workload access token when given.</summary>
    public static InvocationContext Invocation(string? authorization = null, string? workloadAccessToken = null) => new()
    {
        SessionId = "session-1",
        TurnId = "turn-1",
        Authorization = CallerAuthorization.FromHeader(authorization),
        WorkloadAccessToken = WorkloadAccessToken.FromHeader(workloadAccessToken),
    };

    /// <summary>Arguments as the agent loop passes them: with the invocation in <see cref="AIFunctionArguments.Context"/>.</summary>
    public static AIFunctionArguments Arguments(InvocationContext invocation, IDictionary<string, object?> values, IProgress<ToolProgress>? progress = null) =>
        new(values)
        {
            Context = new Dictionary<object, object?>
            {
                [ToolInvocation.InvocationKey] = invocation,
                [ToolInvocation.ProgressKey] = progress,
            },
        };

    public async Task<AIFunction> ResolveAsync(string name) =>
        await ToolProvider.ResolveAsync(name, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"Tool {name} does not resolve.");

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
