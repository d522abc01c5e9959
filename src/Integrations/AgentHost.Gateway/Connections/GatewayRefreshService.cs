using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// Keeps every gateway's catalog: connects and lists at start, lists again on <c>notifications/tools/list_changed</c> and when
/// <see cref="Configuration.GatewayToolOptions.RefreshInterval"/> elapses, and retries an unreachable gateway with exponential
/// backoff (with jitter) without ever stopping the host.
/// </summary>
internal sealed class GatewayRefreshService(GatewayToolCatalog catalog, TimeProvider time, ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("AgentHost.Gateway");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (catalog.Connections.Count == 0)
        {
            GatewayLog.NoGateways(_logger);
            return Task.CompletedTask;
        }

        return Task.WhenAll(catalog.Connections
            .Where(c => !c.ListsWithInvocation)
            .Select(c => Task.Run(() => MaintainAsync(c, stoppingToken), stoppingToken)));
    }

    private async Task MaintainAsync(GatewayConnection connection, CancellationToken stoppingToken)
    {
        var options = catalog.Options;
        var delay = options.RetryInitialDelay;
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The first listing may have been started already (GatewayToolProvider.StartDiscovery, early in start-up): await it.
            Task? refresh = null;
            Task signal;
            if (first)
            {
                first = false;
                (refresh, signal) = connection.StartFirstRefresh();
            }
            else
            {
                signal = connection.ResetRefreshSignal();
            }

            try
            {
                await (refresh ?? connection.RefreshAsync(invocation: null, stoppingToken)).WaitAsync(stoppingToken).ConfigureAwait(false);
                delay = options.RetryInitialDelay;
                await WaitAsync(signal, options.RefreshInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing gateway must never stop the host: log, back off, retry.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var wait = Jitter(delay);
                GatewayLog.Unavailable(_logger, connection.Name, GatewayConnection.Describe(ex), wait);
                try
                {
                    await WaitAsync(signal, wait, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.RetryMaxDelay.Ticks));
            }
        }
    }

    /// <summary>Waits for the refresh signal or the delay, whichever comes first.</summary>
    private async Task WaitAsync(Task signal, TimeSpan delay, CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(delay, time, cts.Token);
        await Task.WhenAny(signal, timer).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
    private static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
#pragma warning restore CA5394
}
