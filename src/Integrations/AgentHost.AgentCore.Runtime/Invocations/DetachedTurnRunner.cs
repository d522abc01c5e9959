using System.Collections.Concurrent;
using AgentHost.AgentCore.Runtime.Ping;
using AgentHost.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>
/// Runs the turns of callers that wait only so long (<c>waitMs</c>): the turn runs detached from the HTTP request, so it
/// goes on when the caller stops waiting or goes away; it is bounded by the caller's <c>timeoutMs</c>, by
/// <see cref="AgentCoreRuntimeOptions.DetachedTurnTimeout"/> and by graceful shutdown (<see cref="TurnDrain"/>), and
/// <c>/ping</c> reports <c>HealthyBusy</c> while a turn nobody waits for is running. A later invocation with the same turn id
/// collects it (the session service waits for a running turn and returns a stored one).
/// </summary>
public sealed partial class DetachedTurnRunner
{
    private readonly AgentSessionService _sessions;
    private readonly PingStatusTracker _ping;
    private readonly TurnDrain _drain;
    private readonly AgentCoreRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Creates the runner.</summary>
    public DetachedTurnRunner(AgentSessionService sessions, PingStatusTracker ping, TurnDrain drain, IOptions<AgentCoreRuntimeOptions> options, ILogger<DetachedTurnRunner> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sessions = sessions;
        _ping = ping;
        _drain = drain;
        _options = options.Value;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The number of detached turns still running.</summary>
    public int RunningCount => _running.Count;

    /// <summary>
    /// Starts the turn and waits for it at most <paramref name="wait"/> (less if <paramref name="callerGone"/> fires).
    /// </summary>
    /// <param name="request">The turn; its <see cref="SessionTurnRequest.TurnId"/> must be set, so that the caller can collect it.</param>
    /// <param name="wait">How long the caller waits.</param>
    /// <param name="callerGone">Fires when the caller disconnected: the turn goes on.</param>
    /// <returns>The finished turn (await it for the result or its exception), or <see langword="null"/> when it goes on in the background.</returns>
    public async Task<Task<SessionTurnResult>?> RunAsync(SessionTurnRequest request, TimeSpan wait, CancellationToken callerGone)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.TurnId, nameof(request));
        var cap = new CancellationTokenSource(_options.DetachedTurnTimeout, _time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(_drain.Token, cap.Token);
        var turn = _sessions.RunTurnAsync(request, linked.Token);
        _running[turn] = 0;
        _ = turn.ContinueWith(
            (finished, state) =>
            {
                var owner = (DetachedTurnRunner)state!;
                owner._running.TryRemove(finished, out _);
                linked.Dispose();
                cap.Dispose();
                if (finished.Exception?.GetBaseException() is { } error)
                {
                    LogDetachedFailed(owner._logger, error, request.SessionId, error.GetType().Name);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        using (var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(callerGone))
        {
            var delay = Task.Delay(wait, _time, stopWaiting.Token);
            await Task.WhenAny(turn, delay).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
        }

        if (turn.IsCompleted)
        {
            return turn;
        }

        var busy = _ping.BeginBackgroundWork();
        _ = turn.ContinueWith(static (_, handle) => ((IDisposable)handle!).Dispose(), busy, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        LogDetached(_logger, request.SessionId, (long)wait.TotalMilliseconds);
        return null;
    }

    /// <summary>Waits until every detached turn has ended (they end at the latest when the drain cancels them).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when no detached turn runs.</returns>
    public async Task WhenAllEndedAsync(CancellationToken cancellationToken)
    {
        var running = _running.Keys.ToArray();
        if (running.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Each turn's own failure was logged by its continuation.
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Turn of session {SessionId} goes on in the background after the caller's wait of {WaitMs} ms")]
    private static partial void LogDetached(ILogger logger, string sessionId, long waitMs);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "A background turn of session {SessionId} failed with {ErrorType}")]
    private static partial void LogDetachedFailed(ILogger logger, Exception exception, string sessionId, string errorType);
}
