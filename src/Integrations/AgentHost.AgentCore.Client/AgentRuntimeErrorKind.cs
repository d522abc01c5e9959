namespace AgentHost.AgentCore.Client;

/// <summary>
/// What went wrong in an <see cref="AgentRuntimeClient"/> call, from the HTTP status and the AWS error type
/// (<c>x-amzn-ErrorType</c> header, <c>__type</c> or <c>code</c> in the body) or the host's own <c>error_type</c>.
/// </summary>
public enum AgentRuntimeErrorKind
{
    /// <summary>Not classified (an unexpected status).</summary>
    Unknown,

    /// <summary>400 <c>ValidationException</c>, or the host's 400 (invalid JSON, missing prompt or session id) or 413 (body too large). Not retried.</summary>
    Validation,

    /// <summary>401/403 <c>AccessDeniedException</c> (or an invalid, expired or missing signature). Not retried.</summary>
    AccessDenied,

    /// <summary>404 <c>ResourceNotFoundException</c>: no such runtime, qualifier or path. Not retried.</summary>
    NotFound,

    /// <summary>
    /// 409: the host's <c>ConversationConflict</c> (another writer stored a turn on the session first; not retried: reload and
    /// send again) or AgentCore's <c>RetryableConflictException</c> (retried).
    /// </summary>
    Conflict,

    /// <summary>429 <c>ThrottlingException</c>. Retried.</summary>
    Throttling,

    /// <summary>402 <c>ServiceQuotaExceededException</c>. Not retried.</summary>
    ServiceQuotaExceeded,

    /// <summary>424 <c>RuntimeClientError</c>: the runtime's container failed the request. Not retried.</summary>
    RuntimeClientError,

    /// <summary>500 <c>InternalServerException</c> or a host 500. Retried, except the host's <c>ModelError</c> (the failed turn is stored).</summary>
    InternalServer,

    /// <summary>502/503/504 (<c>ServiceUnavailableException</c>). Retried.</summary>
    ServiceUnavailable,

    /// <summary>The connection failed or broke before a complete response. Retried unless a stream had started.</summary>
    Connection,

    /// <summary>One attempt ran past <see cref="AgentRuntimeClientOptions.AttemptTimeout"/>. Retried.</summary>
    Timeout,

    /// <summary>The caller's deadline (<see cref="AgentRuntimeRequest.Deadline"/>, or the default timeout) passed. Not retried.</summary>
    DeadlineExceeded,

    /// <summary>No AWS credentials could be resolved for signing. Not retried.</summary>
    CredentialsUnavailable,

    /// <summary>A success status with a body that is not the contract's (not an invocation response, or a stream that ended without <c>done</c> or <c>error</c>). Not retried.</summary>
    InvalidResponse,
}
