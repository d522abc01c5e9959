using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>
/// Graceful shutdown of turns: when the application starts stopping, in-flight turns get <see cref="AgentCoreRuntimeOptions.DrainTimeout"/>
/// to finish; then <see cref="Token"/> is cancelled and they end as <c>cancelled</c>, stored consistently.
/// </summary>
public sealed class TurnDrain : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly CancellationTokenRegistration _registration;

    /// <summary>Creates the drain coordinator.</summary>
    public TurnDrain(IHostApplicationLifetime lifetime, IOptions<AgentCoreRuntimeOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(options);
        var time = timeProvider ?? TimeProvider.System;
        _cts = new CancellationTokenSource();
        var drain = options.Value.DrainTimeout;
        _registration = lifetime.ApplicationStopping.Register(() =>
        {
            var timer = time.CreateTimer(_ => Cancel(), null, drain, Timeout.InfiniteTimeSpan);
            _cts.Token.Register(timer.Dispose);
        });
    }

    /// <summary>Cancelled when the drain period after shutdown began is over.</summary>
    public CancellationToken Token => _cts.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        _registration.Dispose();
        _cts.Dispose();
    }

    private void Cancel()
    {
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed at the end of shutdown.
        }
    }
}
