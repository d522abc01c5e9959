namespace AgentHost.AgentCore.Runtime.Ping;

/// <summary>
/// Tracks the <c>/ping</c> status and its <c>time_of_last_update</c>: set at start-up and changed only when the status
/// changes (re-stamping it on every poll would disable the platform's idle shutdown). The status is
/// <see cref="PingStatus.HealthyBusy"/> while any background work registered with <see cref="BeginBackgroundWork"/> runs.
/// An in-flight invocation alone is not background work.
/// </summary>
public sealed class PingStatusTracker
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private int _backgroundWork;
    private PingStatus _status = PingStatus.Healthy;
    private long _timeOfLastUpdate;

    /// <summary>Creates the tracker; the time of last update is the creation time.</summary>
    public PingStatusTracker(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _timeOfLastUpdate = _time.GetUtcNow().ToUnixTimeSeconds();
    }

    /// <summary>The current status and the unix time (seconds) of its last change.</summary>
    public (PingStatus Status, long TimeOfLastUpdate) Current
    {
        get
        {
            lock (_gate)
            {
                return (_status, _timeOfLastUpdate);
            }
        }
    }

    /// <summary>The number of background work items running.</summary>
    public int BackgroundWorkCount
    {
        get
        {
            lock (_gate)
            {
                return _backgroundWork;
            }
        }
    }

    /// <summary>Registers background work; the status is <see cref="PingStatus.HealthyBusy"/> until the returned handle is disposed.</summary>
    public IDisposable BeginBackgroundWork()
    {
        lock (_gate)
        {
            _backgroundWork++;
            SetStatus(PingStatus.HealthyBusy);
        }

        return new WorkHandle(this);
    }

    private void EndBackgroundWork()
    {
        lock (_gate)
        {
            _backgroundWork--;
            if (_backgroundWork == 0)
            {
                SetStatus(PingStatus.Healthy);
            }
        }
    }

    private void SetStatus(PingStatus status)
    {
        if (_status != status)
        {
            _status = status;
            _timeOfLastUpdate = _time.GetUtcNow().ToUnixTimeSeconds();
        }
    }

    private sealed class WorkHandle(PingStatusTracker owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.EndBackgroundWork();
            }
        }
    }
}
