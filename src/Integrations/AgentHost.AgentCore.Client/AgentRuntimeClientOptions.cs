namespace AgentHost.AgentCore.Client;

/// <summary>Settings of <see cref="AgentRuntimeClient"/>. Every property has a documented default.</summary>
public sealed class AgentRuntimeClientOptions
{
    /// <summary>Retries after the first attempt, for retryable failures only (throttling, 5xx, connection failures, attempt timeouts). Default 3; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff: retry n waits between half and all of <c>RetryBaseDelay * 2^(n-1)</c> (jitter). Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap of one backoff delay. Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// No retry starts unless at least this much time is left before the deadline once its backoff delay has passed.
    /// Default 250 ms.
    /// </summary>
    public TimeSpan MinAttemptTime { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The bound of one attempt (a JSON call: until the whole response is read; a stream: until the response headers
    /// arrive); a timed-out attempt is retried with the same turn id. Default <see langword="null"/>: only the deadline bounds it.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>The deadline of a JSON call whose request sets none. Default 15 min (AgentCore's limit for a synchronous request).</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The deadline of a streaming call whose request sets none. Default 60 min (AgentCore's limit for a stream).</summary>
    public TimeSpan DefaultStreamTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// Kept back from the remaining time when it is sent to the host as <c>timeoutMs</c>, so that the host ends the turn with
    /// stop reason <c>deadline</c> and its answer arrives before the caller's deadline. Default 500 ms.
    /// </summary>
    public TimeSpan DeadlineReserve { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The TCP connect timeout of the default transport (ignored when a transport handler is given). Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The AWS shared-config profile for credentials (runtime ARN targets). Default <see langword="null"/>: the standard chain, which honours <c>AWS_PROFILE</c>.</summary>
    public string? Profile { get; set; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or zero where it must be positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinAttemptTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(DeadlineReserve, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultStreamTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        if (AttemptTimeout is { } attempt)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(attempt, TimeSpan.Zero, nameof(AttemptTimeout));
        }
    }
}
