using System.Diagnostics;
using System.Globalization;
using AgentHost.AgentCore.Runtime.Ping;
using AgentHost.Gateway.Status;

namespace AgentHost.Benchmarks.Host;

/// <summary>
/// Writes one <c>HOST_STARTUP {json}</c> line on stderr once <c>/ping</c> is healthy, like the peer's agent-host.mjs (bench.mjs
/// copies it into its results as <c>hostReported</c>). All values are milliseconds since the process started:
/// <c>modulesLoadedAtMs</c> = Main entered (runtime and entry assembly loaded), <c>builtAtMs</c> = services configured (just before
/// the host is built), <c>listeningAtMs</c> = Kestrel started, <c>mcpReadyAtMs</c> = <c>readyAtMs</c> = the tools are discovered and
/// <c>/ping</c> turns healthy.
/// </summary>
internal sealed class StartupReporter(RuntimeReadiness readiness, IGatewayStatusProvider gateways, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly DateTime ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    private static long _exceptions;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> ExceptionSites = new();

    public static double MainAtMs { get; } = SinceStart();

    /// <summary>Counts first-chance exceptions (an exception on the request path costs tens of microseconds).</summary>
    public static void CountExceptions() => AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
    {
        Interlocked.Increment(ref _exceptions);
        // Type and throwing assembly: TargetSite needs method metadata that a trimmed publish may have removed.
        var site = e.Exception.GetType().Name + " @ " + (e.Exception.Source ?? "?");
        ExceptionSites.AddOrUpdate(site, 1, (_, n) => n + 1);
    };

    public static double BuiltAtMs { get; set; }

    public static double SinceStart() => (DateTime.UtcNow - ProcessStart).TotalMilliseconds;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var listeningAt = SinceStart();
        while (!readiness.IsReady)
        {
            await Task.Delay(1, stoppingToken);
        }

        var readyAt = SinceStart();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"HOST_STARTUP {{\"runtime\":\".NET {Environment.Version}\",\"tools\":{gateways.ToolCount},\"modulesLoadedAtMs\":{MainAtMs:F1},\"builtAtMs\":{BuiltAtMs:F1},\"listeningAtMs\":{listeningAt:F1},\"mcpReadyAtMs\":{readyAt:F1},\"readyAtMs\":{readyAt:F1},\"jitMethods\":{System.Runtime.JitInfo.GetCompiledMethodCount()},\"jitMs\":{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1},\"gcCount\":{GC.CollectionCount(0)},\"heapMb\":{GC.GetTotalMemory(false) / 1048576.0:F1},\"cpuMs\":{Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0}}}");
        await Console.Error.WriteLineAsync(line);

        // At shutdown: how much of the run's CPU went to the JIT (tiering up hot code while the load runs).
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            var end = string.Create(
                CultureInfo.InvariantCulture,
                $"HOST_SHUTDOWN {{\"jitMethods\":{System.Runtime.JitInfo.GetCompiledMethodCount()},\"jitMs\":{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1},\"gen0\":{GC.CollectionCount(0)},\"gen1\":{GC.CollectionCount(1)},\"gen2\":{GC.CollectionCount(2)},\"pauseMs\":{GC.GetTotalPauseDuration().TotalMilliseconds:F1},\"allocatedMb\":{GC.GetTotalAllocatedBytes() / 1048576.0:F1},\"cpuMs\":{Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0},\"exceptions\":{Interlocked.Read(ref _exceptions)},\"liveHeapMb\":{GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1}}}");
            Console.Error.WriteLine(end);
            foreach (var (site, count) in ExceptionSites.OrderByDescending(p => p.Value).Take(10))
            {
                Console.Error.WriteLine($"HOST_EXCEPTIONS {count} {site}");
            }
        }
    }
}
