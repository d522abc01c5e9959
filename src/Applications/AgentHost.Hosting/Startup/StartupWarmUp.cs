using AgentHost.Control;
using AgentHost.Control.Hashing;
using AgentHost.Hosting.Composition;
using AgentHost.Sanitization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Startup;

/// <summary>
/// What the first turn would otherwise pay for, done in the background while the gateways are listed (the longest step of
/// start-up, so on two cores it costs no wall time): the control and supervision stores are opened (schema, write-ahead log,
/// connections: the conversation store has its own start-up check), the hash function the audit chain uses is loaded (OpenSSL)
/// and the sanitiser runs once. Nothing is written. A failure is logged and changes nothing: the first turn meets the same
/// error and fails closed as it would have.
/// </summary>
/// <remarks>
/// Under AgentCore Runtime V2 a started container is snapshotted and restored for each session: what this warms is in the
/// snapshot. The stores re-establish their connections on use (a SQLite file is reopened by its pool; HTTP clients reconnect).
/// </remarks>
internal static partial class StartupWarmUp
{
    /// <summary>The session id the stores are read under (never written).</summary>
    private const string SessionId = AgentHostStartup.StoreCheckSessionId;

    /// <summary>Starts the warm-up on the thread pool; never throws.</summary>
    public static Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                var control = services.GetService<ControlLayer>();
                var supervision = services.GetService<SupervisionHost>();
                var sanitizer = services.GetService<ToolResultSanitizer>();
                await Task.WhenAll(
                    WarmAsync("control store", logger, ct => control is null ? Task.CompletedTask : control.AuditStore.GetHeadAsync(SessionId, ct), cancellationToken),
                    WarmAsync("supervision store", logger, ct => supervision is null ? Task.CompletedTask : supervision.Layer.GuidanceStore.GetPendingAsync(SessionId, ct), cancellationToken),
                    WarmAsync("hashing and sanitisation", logger, unused =>
                    {
                        _ = ControlHashes.Text(SessionId);
                        _ = sanitizer?.SanitizeText("Start-up check: call +1 206 555 0100 or write to start@example.com.");
                        return Task.CompletedTask;
                    }, cancellationToken)).ConfigureAwait(false);
            },
            CancellationToken.None);

    private static async Task WarmAsync(string what, ILogger logger, Func<CancellationToken, Task> warm, CancellationToken cancellationToken)
    {
        try
        {
            await warm(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A warm-up reports; the first turn meets the real error and fails closed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWarmUpFailed(logger, what, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Start-up warm-up of the {What} failed ({ErrorType}); the first turn will meet the same error")]
    private static partial void LogWarmUpFailed(ILogger logger, string what, string errorType);
}
