using System.Net;

namespace AgentHost.Bedrock.Errors;

/// <summary>
/// The caller may not use the model: missing <c>bedrock:InvokeModel</c> /
/// <c>bedrock:InvokeModelWithResponseStream</c> permission, the model not enabled in the account
/// (HTTP 403 <c>AccessDeniedException</c>), or invalid/expired credentials (HTTP 401/403). Not retryable.
/// </summary>
public sealed class BedrockAccessDeniedException : BedrockException
{
    /// <summary>Creates the exception.</summary>
    public BedrockAccessDeniedException()
        : this("Access denied.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Bedrock's message.</param>
    public BedrockAccessDeniedException(string message)
        : base(message, "AccessDeniedException", HttpStatusCode.Forbidden, isRetryable: false)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockAccessDeniedException(string message, Exception innerException)
        : base(message, "AccessDeniedException", HttpStatusCode.Forbidden, isRetryable: false, innerException)
    {
    }

    /// <summary>Creates the exception with the error type and status Bedrock returned.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="errorType">The error type.</param>
    /// <param name="statusCode">The HTTP status.</param>
    public BedrockAccessDeniedException(string message, string errorType, HttpStatusCode statusCode)
        : base(message, errorType, statusCode, isRetryable: false)
    {
    }
}
