using System.Net;

namespace AgentHost.Bedrock.Errors;

/// <summary>Bedrock rejected the request as invalid (<c>ValidationException</c>, HTTP 400). Not retryable.</summary>
public sealed class BedrockValidationException : BedrockException
{
    /// <summary>Creates the exception.</summary>
    public BedrockValidationException()
        : this("The request is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Bedrock's message.</param>
    public BedrockValidationException(string message)
        : base(message, "ValidationException", HttpStatusCode.BadRequest, isRetryable: false)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockValidationException(string message, Exception innerException)
        : base(message, "ValidationException", HttpStatusCode.BadRequest, isRetryable: false, innerException)
    {
    }
}
