using AgentHost.Abstractions.Supervision;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Supervision.Activity;

/// <summary>
/// The small background writer of the activity feed: <see cref="Publish"/> buffers an event in memory and returns at once;
/// a background loop writes each session's buffered events as one batch (<see cref="IActivityFeed.AppendAsync"/>; the batches
/// of all sessions in one write when the feed is an <see cref="IActivityFeedBatchWriter"/>) every
/// <see cref="SupervisionOptions.FlushInterval"/>, or at once for urgent events (a turn starting or ending). A failed write
/// is logged and its batch dropped: publishing never fails, delays or blocks the customer's turn. Thread-safe.
/// </summary>
public sealed partial class ActivityPublisher : IAsyncDisposable
{
    private const int MaxBufferedPerSession = 512;
    private readonly IActivityFeed _feed;
    private readonly SupervisionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly Dictionary<string, TurnCount> _turns = new(StringComparer.Ordinal);
    private Dictionary<string, Batch> _pending = new(StringComparer.Ordinal);
    private Task? _loop;
    private long _writes;
    private long _dropped;

    /// <summary>Creates the writer; its loop starts with the first event.</summary>
    public ActivityPublisher(IActivityFeed feed, SupervisionOptions? options = null, TimeProvider? timeProvider = null, ILogger<ActivityPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _feed = feed;
        _options = options ?? new SupervisionOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The feed written to.</summary>
    public IActivityFeed Feed => _feed;

    /// <summary>How many store writes were made (one per session's batch, or one per flush with an <see cref="IActivityFeedBatchWriter"/>): the figure behind "writes per turn".</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>How many events were dropped (failed writes, full buffers).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Buffers an event (and the change it makes to its session's summary); <paramref name="urgent"/> flushes at once.</summary>
    public void Publish(ActivityEvent activity, LiveSessionUpdate? update = null, bool urgent = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (!_pending.TryGetValue(activity.SessionId, out var batch))
            {
                batch = new Batch();
                _pending[activity.SessionId] = batch;
            }

            if (batch.Events.Count >= MaxBufferedPerSession || !WithinTurnBound(activity, batch))
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            batch.Events.Add(activity);
            if (update is not null)
            {
                batch.Update = LiveSessionUpdates.Merge(batch.Update, update);
            }

            _loop ??= Task.Run(RunAsync);
        }

        if (urgent)
        {
            _signal.Release();
        }
    }

    /// <summary>Writes everything buffered now (tests, shutdown).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => FlushPendingAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(TimeSpan.FromSeconds(5), _time);
            }
            catch (TimeoutException)
            {
                // The last batches are dropped rather than delaying shutdown.
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
        await FlushPendingAsync(timeout.Token);
        _stopping.Dispose();
        _signal.Dispose();
        _flushGate.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_options.FlushInterval, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Drain further signals: one flush writes everything buffered.
            while (_signal.CurrentCount > 0 && _signal.Wait(0))
            {
            }

            // Not the stopping token: a flush that began completes (its batches are already out of the buffer), so stopping
            // never drops events that were being written; DisposeAsync bounds the wait.
            await FlushPendingAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Counts the events of the event's turn (at most <see cref="SupervisionOptions.MaxEventsPerTurn"/>); the turn's end is
    /// always kept, preceded by one <c>truncated</c> event when some were dropped. Called under the lock.
    /// </summary>
    private bool WithinTurnBound(ActivityEvent activity, Batch batch)
    {
        if (activity.TurnId is not { } turnId)
        {
            return true;
        }

        var key = activity.SessionId + "\n" + turnId;
        _turns.TryGetValue(key, out var count);
        if (activity.Kind == ActivityKinds.TurnFinished)
        {
            _turns.Remove(key);
            if (count.Dropped > 0)
            {
                batch.Events.Add(new ActivityEvent
                {
                    SessionId = activity.SessionId,
                    Kind = ActivityKinds.Truncated,
                    At = activity.At,
                    TurnId = turnId,
                    Text = $"{count.Dropped} events of this turn were not recorded (the limit is {_options.MaxEventsPerTurn} per turn).",
                    Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["dropped"] = count.Dropped.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
            }

            return true;
        }

        if (count.Kept >= _options.MaxEventsPerTurn)
        {
            _turns[key] = count with { Dropped = count.Dropped + 1 };
            return false;
        }

        if (_turns.Count > 10_000)
        {
            _turns.Clear(); // turns that never finished (a crashed loop): forget their counts rather than grow
        }

        _turns[key] = count with { Kept = count.Kept + 1 };
        return true;
    }

    private async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        // One flush at a time, so that the batches of one session are stored in the order they were published.
        await _flushGate.WaitAsync(CancellationToken.None);
        try
        {
            Dictionary<string, Batch> batches;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batches = _pending;
                _pending = new Dictionary<string, Batch>(StringComparer.Ordinal);
            }

            if (batches.Count > 1 && _feed is IActivityFeedBatchWriter many)
            {
                await WriteManyAsync(many, batches, cancellationToken);
                return;
            }

            var writes = new List<Task>(batches.Count);
            foreach (var (sessionId, batch) in batches)
            {
                writes.Add(WriteAsync(sessionId, batch, cancellationToken));
            }

            await Task.WhenAll(writes);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>Every session's batch in one store write (a feed that can, e.g. SQLite: one transaction instead of one per session).</summary>
    private async Task WriteManyAsync(IActivityFeedBatchWriter feed, Dictionary<string, Batch> batches, CancellationToken cancellationToken)
    {
        var list = new List<ActivityBatch>(batches.Count);
        var events = 0;
        foreach (var (sessionId, batch) in batches)
        {
            list.Add(new ActivityBatch(sessionId, batch.Events, batch.Update ?? new LiveSessionUpdate()));
            events += batch.Events.Count;
        }

        try
        {
            await feed.AppendManyAsync(list, cancellationToken);
            Interlocked.Increment(ref _writes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Add(ref _dropped, events);
            LogWriteFailed(_logger, ex, events, ex.GetType().Name);
        }
    }

    private async Task WriteAsync(string sessionId, Batch batch, CancellationToken cancellationToken)
    {
        try
        {
            await _feed.AppendAsync(sessionId, batch.Events, batch.Update ?? new LiveSessionUpdate(), cancellationToken);
            Interlocked.Increment(ref _writes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Add(ref _dropped, batch.Events.Count);
            LogWriteFailed(_logger, ex, batch.Events.Count, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 13000, Level = LogLevel.Warning, Message = "The activity feed could not store {Count} events ({ErrorType}); they were dropped and the turn went on")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, string errorType);

    private readonly record struct TurnCount(int Kept, int Dropped);

    private sealed class Batch
    {
        public List<ActivityEvent> Events { get; } = [];

        public LiveSessionUpdate? Update { get; set; }
    }
}
