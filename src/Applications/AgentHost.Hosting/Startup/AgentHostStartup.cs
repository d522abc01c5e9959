using AgentHost.Abstractions.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Gateway;
using AgentHost.Gateway.Status;
using AgentHost.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Hosting.Startup;

/// <summary>
/// The start-up every AgentHost application shares once its services are built: list the gateway tools early, open the
/// conversation store and warm the control, supervision and sanitisation layers in the background (<see cref="StartupWarmUp"/>),
/// and wait (bounded by <c>Runtime:GatewayStartupWaitSeconds</c>) for the first discovery.
/// </summary>
public static partial class AgentHostStartup
{
    /// <summary>The session id the store check reads (never written).</summary>
    public const string StoreCheckSessionId = "agenthost-startup-check";

    /// <summary>
    /// Starts the first listing of every gateway now, so that discovery, the longest step before the host is ready, overlaps
    /// the rest of start-up. Idempotent.
    /// </summary>
    public static void BeginDiscovery(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<GatewayToolProvider>()?.StartDiscovery();
    }

    /// <summary>
    /// Creates the model pipeline and the session service now (a provider that cannot be created fails start-up with a
    /// <see cref="ConfigurationValidationException"/> instead of the first turn), opens the stores and warms the layers in the
    /// background (the first turn then does not pay for it; a failure is logged, never thrown) and waits for the first discovery of the configured
    /// gateways, at most <c>Runtime:GatewayStartupWaitSeconds</c>. A gateway that is down does not fail start-up: it keeps
    /// being retried in the background.
    /// </summary>
    /// <exception cref="ConfigurationValidationException">The model provider cannot be created; the message says what to set.</exception>
    public static async Task<StartupReport> CompleteAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<AgentHostSettings>();
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("AgentHost.Startup");
        BeginDiscovery(services);
        _ = services.GetRequiredService<AgentSessionService>();
        _ = CheckStoreAsync(services.GetRequiredService<IConversationStore>(), logger, cancellationToken);
        _ = StartupWarmUp.RunAsync(services, logger, cancellationToken);

        var status = services.GetService<IGatewayStatusProvider>();
        var discovered = true;
        if (status is not null && status.GetStatus().Count > 0 && services.GetService<GatewayToolProvider>() is { } gateways)
        {
            var wait = TimeSpan.FromSeconds(settings.Runtime.GatewayStartupWaitSeconds);
            discovered = await gateways.WaitForDiscoveryAsync(wait, cancellationToken).ConfigureAwait(false);
            if (!discovered)
            {
                LogDiscoveryIncomplete(logger, settings.Runtime.GatewayStartupWaitSeconds);
            }
        }

        return new StartupReport(status?.ToolCount ?? 0, discovered);
    }

    private static async Task CheckStoreAsync(IConversationStore store, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await store.LoadAsync(StoreCheckSessionId, 0, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "The conversation store failed its start-up check ({ErrorType}): {Error}. Turns will fail until it is reachable.")]
    private static partial void LogStoreCheckFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Not every gateway was listed within {Seconds} s; starting with the tools found so far (the rest are retried in the background)")]
    private static partial void LogDiscoveryIncomplete(ILogger logger, double seconds);
}
