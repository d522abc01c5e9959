namespace AgentHost.AgentCore.Client;

/// <summary>One turn to send with <see cref="AgentRuntimeClient"/>: the prompt, the session, the caller's deadline and context.</summary>
public sealed class AgentRuntimeRequest
{
    /// <summary>
    /// The session id, sent as <c>X-Amzn-Bedrock-AgentCore-Runtime-Session-Id</c> (and as <c>sessionId</c> in the body).
    /// AgentCore requires 33 to 256 characters for a runtime ARN; a host URL accepts any non-empty id up to 256 characters.
    /// </summary>
    public required string SessionId { get; init; }

    /// <summary>The user's words.</summary>
    public required string Prompt { get; init; }

    /// <summary>
    /// The idempotency key of the turn, sent as <c>turnId</c> on every attempt: a retry returns the stored result instead of
    /// running the turn again. Default: a new id per call (<see cref="AgentRuntimeException.TurnId"/> and
    /// <c>InvocationResponse.TurnId</c> tell it); pass your own to retry a whole call later.
    /// </summary>
    public string? TurnId { get; init; }

    /// <summary>
    /// When the caller stops waiting (per the client's <see cref="TimeProvider"/>). It bounds every attempt and every backoff
    /// delay, and reaches the host as <c>timeoutMs</c> (less <see cref="AgentRuntimeClientOptions.DeadlineReserve"/>).
    /// Default: now plus <see cref="AgentRuntimeClientOptions.DefaultTimeout"/> (or <see cref="AgentRuntimeClientOptions.DefaultStreamTimeout"/>), not sent to the host.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>
    /// How long the host may keep the caller waiting (JSON calls only), sent as <c>waitMs</c> (never more than the time left
    /// before <see cref="Deadline"/>, less <see cref="AgentRuntimeClientOptions.DeadlineReserve"/>). A turn that is not done by
    /// then goes on in the host and the call returns a response with stop reason <c>running</c> (<c>InvocationStopReasons.Running</c>)
    /// and no text; call again with the same <see cref="TurnId"/> and prompt to collect it. Default <see langword="null"/>: wait for the answer.
    /// </summary>
    public TimeSpan? WaitFor { get; init; }

    /// <summary>
    /// The turn's own time limit on the host, sent as <c>timeoutMs</c>, when it should outlive this call (with
    /// <see cref="WaitFor"/>). Default <see langword="null"/>: the time left before <see cref="Deadline"/>, less the reserve.
    /// </summary>
    public TimeSpan? TurnTimeout { get; init; }

    /// <summary>The channel (<c>VOICE</c>, <c>CHAT</c>, <c>CLI</c>...). Optional.</summary>
    public string? Channel { get; init; }

    /// <summary>The caller's language, e.g. <c>en-US</c>. Optional.</summary>
    public string? Language { get; init; }

    /// <summary>The Amazon Connect contact id. Optional.</summary>
    public string? ContactId { get; init; }

    /// <summary>An opaque customer reference stored with the session. Optional.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Caller attributes (string values), available to the host's hooks and instructions. Optional.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>The end user's id, sent as <c>X-Amzn-Bedrock-AgentCore-Runtime-User-Id</c>. Optional.</summary>
    public string? UserId { get; init; }

    /// <summary>A W3C <c>traceparent</c> to propagate (not signed). Optional.</summary>
    public string? TraceParent { get; init; }
}
