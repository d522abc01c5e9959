using AgentHost.Gateway.Status;

namespace AgentHost.Hosting.Composition;

/// <summary>
/// Waits, bounded, for the first discovery attempt of every configured gateway, so that the first invocation after
/// start-up already has the tools. A gateway that is down does not block beyond the bound: it keeps being retried in the background.
/// </summary>
public static class GatewayStartupWaiter
{
    /// <summary>Waits until every gateway has been listed or has failed once, or until <paramref name="timeout"/>.</summary>
    /// <returns>True when every gateway answered (listed successfully) within the bound.</returns>
    public static async Task<bool> WaitAsync(IGatewayStatusProvider status, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var gateways = status.GetStatus();
                var attempted = gateways.All(g => g.LastRefresh is not null || g.LastError is not null);
                var listed = gateways.Sum(g => g.ToolCount);

                // The catalog is rebuilt just after a listing: wait for the listed tools to be offered too.
                if (attempted && (listed == 0 || status.ToolCount > 0))
                {
                    return gateways.All(g => g.LastRefresh is not null);
                }

                await Task.Delay(5, bound.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
