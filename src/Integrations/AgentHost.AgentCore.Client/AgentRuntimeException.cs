using System.Net;

namespace AgentHost.AgentCore.Client;

/// <summary>
/// An <see cref="AgentRuntimeClient"/> call failed. The message is the service's or the host's own message (it never
/// contains the prompt, credentials or signatures). <see cref="TurnId"/> is the idempotency key the call used: send it
/// again to retry the same turn without running it twice.
/// </summary>
public sealed class AgentRuntimeException : Exception
{
    /// <summary>Creates the exception with <see cref="AgentRuntimeErrorKind.Unknown"/>.</summary>
    public AgentRuntimeException()
        : this("The agent runtime call failed.")
    {
    }

    /// <summary>Creates the exception with <see cref="AgentRuntimeErrorKind.Unknown"/> and a message.</summary>
    /// <param name="message">The message.</param>
    public AgentRuntimeException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with <see cref="AgentRuntimeErrorKind.Unknown"/>, a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AgentRuntimeException(string message, Exception? innerException)
        : this(AgentRuntimeErrorKind.Unknown, "Unknown", message, statusCode: null, isRetryable: false, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The classification.</param>
    /// <param name="errorType">The error type: the AWS error type (e.g. <c>ThrottlingException</c>), the host's <c>error_type</c>, or <c>Http{status}</c>.</param>
    /// <param name="message">The service's or host's message.</param>
    /// <param name="statusCode">The HTTP status, or <see langword="null"/> for a failure without one.</param>
    /// <param name="isRetryable">Whether sending the same request (same turn id) again may succeed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AgentRuntimeException(AgentRuntimeErrorKind kind, string errorType, string message, HttpStatusCode? statusCode, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorType = errorType;
        StatusCode = statusCode;
        IsRetryable = isRetryable;
    }

    /// <summary>The classification.</summary>
    public AgentRuntimeErrorKind Kind { get; }

    /// <summary>The error type: the AWS error type, the host's <c>error_type</c>, or <c>Http{status}</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether sending the same request again (same turn id) may succeed: throttling, 5xx, connection failures, attempt timeouts.</summary>
    public bool IsRetryable { get; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>), when the service sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The host's <c>details</c>, when its error body had them.</summary>
    public string? Details { get; init; }

    /// <summary>The turn id the call sent (generated when the request had none).</summary>
    public string? TurnId { get; init; }

    /// <summary>The number of attempts made (1 when nothing was retried; 0 when the call failed before sending).</summary>
    public int Attempts { get; init; }
}
