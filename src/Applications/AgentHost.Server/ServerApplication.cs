using System.Runtime.CompilerServices;
using AgentHost.AgentCore.Runtime;
using AgentHost.AgentCore.Runtime.Ping;
using AgentHost.Gateway.Connections;
using AgentHost.DevGateway;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Hosting.Startup;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Server;

/// <summary>
/// The AgentCore Runtime container entrypoint: binds <c>0.0.0.0:8080</c> (or <c>PORT</c>), serves <c>GET /ping</c> and
/// <c>POST /invocations</c>, and shuts down gracefully on SIGTERM.
/// </summary>
public static partial class ServerApplication
{
    /// <summary>Exit code for invalid configuration.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Exit code when the server cannot listen on its port (already in use, or not permitted).</summary>
    public const int ListenError = 3;

    /// <summary>Runs the server until it is stopped; returns the process exit code.</summary>
    /// <param name="args">Command-line configuration overrides (<c>--Agent:Limits:MaxCycles=5</c>).</param>
    /// <param name="configureAgent">Adds to the agent: model and tool-call middleware, hooks, store, tools (see <see cref="AgentHostBuilder"/>).</param>
    /// <param name="configureBuilder">Adds to the web application (services, Kestrel).</param>
    /// <param name="cancellationToken">Stops the server.</param>
    public static async Task<int> RunAsync(string[] args, Action<AgentHostBuilder>? configureAgent = null, Action<WebApplicationBuilder>? configureBuilder = null, CancellationToken cancellationToken = default)
    {
        IConfigurationRoot configuration;
        AgentHostSettings settings;
        try
        {
            configuration = AgentHostConfiguration.Build(CommandLineOverrides(args));
            settings = AgentHostSettingsLoader.Load(configuration);
        }
        catch (Exception ex) when (ex is ConfigurationValidationException or FileNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ConfigurationError;
        }

        // The MCP client's first-use work (JSON metadata, HTTP stack) runs on another core while the services are composed,
        // so the first gateway discovery, which gates readiness, starts warm.
        _ = Task.Run(GatewayClientWarmup.Run, CancellationToken.None);

        // Typed as IAsyncDisposable so that the development gateway's assembly is only loaded when it is enabled.
        IAsyncDisposable? devGateway = null;
        Uri? devGatewayEndpoint = null;
        if (DevGatewayPolicy.ShouldStart(settings, configuration, AgentHostKind.Server))
        {
            (devGateway, devGatewayEndpoint) = await StartDevGatewayAsync(settings.DevGateway, cancellationToken);
        }

        try
        {
            var app = Build(args, configuration, settings, devGatewayEndpoint, configureAgent, configureBuilder);
            await using (app)
            {
                var description = app.Services.GetRequiredService<AgentHostDescription>();
                var readiness = app.Services.GetRequiredService<RuntimeReadiness>();

                // /ping turns healthy once the gateway tools are discovered (bounded: a gateway that is down is retried in the background).
                readiness.MarkStarting();
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException ex)
                {
                    // Kestrel's bind failure ("address already in use", "permission denied"), said plainly instead of a crash.
                    await Console.Error.WriteLineAsync($"AgentHost cannot start listening: {ex.Message} Stop the other process using the port, or set PORT to a free one.");
                    return ListenError;
                }

                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AgentHost.Server");
                foreach (var warning in settings.Warnings)
                {
                    LogConfigurationWarning(logger, warning);
                }

                // The shared start-up: the model is created, the store opens in the background, the first discovery is awaited (bounded).
                StartupReport startup;
                try
                {
                    startup = await AgentHostStartup.CompleteAsync(app.Services, cancellationToken);
                }
                catch (ConfigurationValidationException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    return ConfigurationError;
                }

                readiness.MarkReady();

                LogStarted(logger, string.Join(", ", app.Urls), description.Model, description.Store, description.Gateways, startup.ToolCount);
                await app.WaitForShutdownAsync(cancellationToken);
            }
        }
        finally
        {
            if (devGateway is not null)
            {
                await devGateway.DisposeAsync();
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(IAsyncDisposable Lifetime, Uri Endpoint)> StartDevGatewayAsync(DevGatewaySettings settings, CancellationToken cancellationToken)
    {
        // In process, the development gateway binds 127.0.0.1 and serves only this host, which connects without a token
        // (DevGateway:Token protects the standalone 'agenthost devgateway'), as the CLI does.
        var handle = await DevGatewayServer.StartAsync(new DevGatewayOptions { Port = settings.Port, BearerToken = null }, cancellationToken);
        return (handle, handle.Endpoint);
    }

    /// <summary>Builds the web application (exposed for tests).</summary>
    public static WebApplication Build(
        string[] args,
        IConfigurationRoot configuration,
        AgentHostSettings settings,
        Uri? devGateway,
        Action<AgentHostBuilder>? configureAgent = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The empty builder, not the slim one: AgentHost reads its own configuration (appsettings.json, AGENTHOST_* variables,
        // aliases, command line) once, so the default sources (a second appsettings.json read with a file watcher thread,
        // every environment variable, host filtering) would only cost start-up time and memory.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore();
        var port = Environment.GetEnvironmentVariable("PORT");
        builder.WebHost.UseUrls($"http://0.0.0.0:{(string.IsNullOrWhiteSpace(port) ? "8080" : port)}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.Runtime.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.Runtime.DrainTimeoutSeconds + 10));
        AgentHostLogging.Configure(builder.Logging, configuration, settings.Runtime, AgentHostKind.Server);
        var agent = builder.Services.AddAgentHost(settings, configuration, devGateway);
        AgentHostTelemetrySetup.Configure(builder, agent);
        configureAgent?.Invoke(agent);
        builder.Services.AddAgentCoreRuntime(o =>
        {
            o.MaxRequestBodyBytes = settings.Runtime.MaxRequestBodyBytes;
            o.CallerIdentity.TrustJwtClaims = settings.Control.TrustJwtClaims;
            o.CallerIdentity.ProfileClaim = settings.Control.ProfileClaim;
            o.CallerIdentity.TrustedProfileAttribute = settings.Control.TrustedProfileAttribute;
            o.DrainTimeout = TimeSpan.FromSeconds(settings.Runtime.DrainTimeoutSeconds);
        });
        configureBuilder?.Invoke(builder);
        var app = builder.Build();

        // List the gateway tools while the rest of start-up (endpoints, Kestrel) proceeds: discovery is the longest step
        // before /ping turns healthy.
        AgentHostStartup.BeginDiscovery(app.Services);

        app.UseAgentCoreRuntime();
        return app;
    }

    /// <summary>Command-line options as configuration keys: <c>--Agent:Limits:MaxCycles=5</c> or <c>--Agent:Limits:MaxCycles 5</c>.</summary>
    private static Dictionary<string, string?> CommandLineOverrides(string[] args)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var body = arg[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                overrides[body[..equals]] = body[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                overrides[body] = args[++i];
            }
        }

        return overrides;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    private static partial void LogConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "AgentHost listening on {Urls}. Model: {Model} | Store: {Store} | Tools: {Gateways} ({ToolCount} tools)")]
    private static partial void LogStarted(ILogger logger, string urls, string model, string store, string gateways, int toolCount);
}
