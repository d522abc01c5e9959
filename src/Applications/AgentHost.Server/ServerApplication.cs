using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;
using AgentHost.AgentCore.Runtime;
using AgentHost.AgentCore.Runtime.Ping;
using AgentHost.Gateway;
using AgentHost.Gateway.Authentication;
using AgentHost.Gateway.Connections;
using AgentHost.DevGateway;
using AgentHost.Gateway.Status;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
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
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder>? configureBuilder = null, CancellationToken cancellationToken = default)
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
        if (string.Equals(settings.DevGateway.Enabled, "true", StringComparison.OrdinalIgnoreCase))
        {
            (devGateway, devGatewayEndpoint) = await StartDevGatewayAsync(settings.DevGateway, cancellationToken);
        }

        try
        {
            var app = Build(args, configuration, settings, devGatewayEndpoint, configureBuilder);
            await using (app)
            {
                var description = app.Services.GetRequiredService<AgentHostDescription>();
                var status = app.Services.GetRequiredService<IGatewayStatusProvider>();
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

                // Open the conversation store (schema, connections, native library; for DynamoDB a first request that also
                // surfaces a missing table or permission in the log) while the tools are discovered, so the first turn does
                // not pay for it. Not awaited: readiness never waits for it.
                _ = CheckStoreAsync(app.Services.GetRequiredService<IConversationStore>(), logger, cancellationToken);
                if (status.GetStatus().Count > 0)
                {
                    await app.Services.GetRequiredService<GatewayToolProvider>().WaitForDiscoveryAsync(TimeSpan.FromSeconds(settings.Runtime.GatewayStartupWaitSeconds), cancellationToken);
                }

                readiness.MarkReady();

                LogStarted(logger, string.Join(", ", app.Urls), description.Model, description.Store, description.Gateways, status.ToolCount);
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
        var handle = await DevGatewayServer.StartAsync(new DevGatewayOptions { Port = settings.Port, BearerToken = settings.Token }, cancellationToken);
        return (handle, handle.Endpoint);
    }

    /// <summary>Builds the web application (exposed for tests).</summary>
    public static WebApplication Build(string[] args, IConfigurationRoot configuration, AgentHostSettings settings, Uri? devGateway, Action<WebApplicationBuilder>? configureBuilder = null)
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
        ConfigureLogging(builder.Logging, configuration, settings.Runtime);
        builder.Services.AddAgentHost(settings, configuration, devGateway);
        builder.Services.AddAgentCoreRuntime(o =>
        {
            o.MaxRequestBodyBytes = settings.Runtime.MaxRequestBodyBytes;
            o.DrainTimeout = TimeSpan.FromSeconds(settings.Runtime.DrainTimeoutSeconds);
        });
        configureBuilder?.Invoke(builder);
        var app = builder.Build();

        // List the gateway tools while the rest of start-up (endpoints, Kestrel) proceeds: discovery is the longest step
        // before /ping turns healthy.
        app.Services.GetService<GatewayToolProvider>()?.StartDiscovery();

        // The inbound bearer token reaches gateways configured for pass-through (AGENTCORE_GATEWAY_<NAME>_PASS_THROUGH_AUTH).
        app.Use(async (context, next) =>
        {
            using (InboundAuthorization.Use(context.Request.Headers.Authorization.ToString()))
            {
                await next(context);
            }
        });
        app.UseAgentCoreRuntime();
        return app;
    }

    private static async Task CheckStoreAsync(IConversationStore store, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await store.LoadAsync(StartupCheckSessionId, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A start-up check reports; the first turn will fail with the real error if the store stays unusable.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStoreCheckFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, RuntimeSettings runtime)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.SetMinimumLevel(Enum.Parse<LogLevel>(runtime.LogLevel, ignoreCase: true));
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (string.Equals(runtime.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole();
        }
        else
        {
            logging.AddSimpleConsole(o => o.SingleLine = true);
        }
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

    /// <summary>The session id the start-up check reads (never written).</summary>
    private const string StartupCheckSessionId = "agenthost-startup-check";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The conversation store failed its start-up check ({ErrorType}): {Error}. Turns will fail until it is reachable.")]
    private static partial void LogStoreCheckFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    private static partial void LogConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "AgentHost listening on {Urls}. Model: {Model} | Store: {Store} | Tools: {Gateways} ({ToolCount} tools)")]
    private static partial void LogStarted(ILogger logger, string urls, string model, string store, string gateways, int toolCount);
}
