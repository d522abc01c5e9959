namespace AgentHost.AgentCore.Client.Http;

/// <summary>
/// One logical call: its turn id (the same on every attempt), its deadline and the tokens that enforce it, and the attempt
/// count. <see cref="Token"/> is cancelled by the caller or when the deadline passes.
/// </summary>
internal sealed class InvocationCall : IDisposable
{
    /// <summary>Deadlines further away than this are not timed (a timer cannot be set that far; no call runs that long).</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(30);

    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    public InvocationCall(AgentRuntimeRequest request, string turnId, bool stream, DateTimeOffset deadline, bool deadlineFromCaller, TimeProvider time, CancellationToken callerToken)
    {
        Request = request;
        TurnId = turnId;
        Stream = stream;
        Deadline = deadline;
        SendsDeadline = deadlineFromCaller;
        CallerToken = callerToken;
        _time = time;
        var remaining = Remaining;
        _deadline = new CancellationTokenSource(
            remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining > MaxTimer ? Timeout.InfiniteTimeSpan : remaining,
            time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _deadline.Token);
    }

    public AgentRuntimeRequest Request { get; }

    public string TurnId { get; }

    public bool Stream { get; }

    public DateTimeOffset Deadline { get; }

    /// <summary>True when the caller set the deadline: it is sent to the host as <c>timeoutMs</c>.</summary>
    public bool SendsDeadline { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>Cancelled by the caller or at the deadline.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>The attempts started so far.</summary>
    public int Attempts { get; set; }

    public TimeSpan Remaining => Deadline - _time.GetUtcNow();

    /// <summary>True once the deadline's timer fired (or the deadline is behind us).</summary>
    public bool DeadlinePassed => _deadline.IsCancellationRequested || Remaining <= TimeSpan.Zero;

    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
