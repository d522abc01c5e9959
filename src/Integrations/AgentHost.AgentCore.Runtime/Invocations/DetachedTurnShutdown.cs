using Microsoft.Extensions.Hosting;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>On shutdown, waits for the turns that run in the background (the drain bounds them), so they are stored before the process exits.</summary>
internal sealed class DetachedTurnShutdown(DetachedTurnRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => runner.WhenAllEndedAsync(cancellationToken);
}
