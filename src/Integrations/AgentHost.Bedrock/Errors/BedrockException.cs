using System.Net;

namespace AgentHost.Bedrock.Errors;

/// <summary>
/// Bedrock Runtime rejected a request or failed while streaming. The message is Bedrock's own message
/// (it never contains request contents or credentials).
/// </summary>
public class BedrockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BedrockException()
        : this("Bedrock request failed.", "UnknownError", null, isRetryable: false)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Bedrock's message.</param>
    public BedrockException(string message)
        : this(message, "UnknownError", null, isRetryable: false)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "UnknownError";
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="errorType">The error type, e.g. <c>ValidationException</c> or <c>modelStreamErrorException</c>.</param>
    /// <param name="statusCode">The HTTP status, or <see langword="null"/> for a failure without one.</param>
    /// <param name="isRetryable">Whether retrying the same request may succeed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BedrockException(string message, string errorType, HttpStatusCode? statusCode, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
        StatusCode = statusCode;
        IsRetryable = isRetryable;
    }

    /// <summary>The Bedrock error type (from <c>x-amzn-errortype</c>, the body, or <c>:exception-type</c>).</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status code, when known.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether retrying the same request may succeed (throttling, 5xx).</summary>
    public bool IsRetryable { get; }

    /// <summary>The Bedrock request id (<c>x-amzn-RequestId</c>), when known.</summary>
    public string? RequestId { get; init; }
}
