using System.Net;
using AgentHost.Abstractions.Models;

namespace AgentHost.Bedrock.Errors;

/// <summary>
/// The conversation does not fit the model's context window: stop reason
/// <c>model_context_window_exceeded</c>, or a validation error saying the input is too long.
/// A <see cref="ModelContextOverflowException"/>, so the agent loop trims its window and retries once.
/// </summary>
public sealed class BedrockContextWindowExceededException : ModelContextOverflowException
{
    /// <summary>Creates the exception.</summary>
    public BedrockContextWindowExceededException()
    {
        ErrorType = "model_context_window_exceeded";
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Bedrock's message.</param>
    public BedrockContextWindowExceededException(string message)
        : base(message)
    {
        ErrorType = "model_context_window_exceeded";
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockContextWindowExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = innerException is BedrockException bedrock ? bedrock.ErrorType : "model_context_window_exceeded";
        StatusCode = (innerException as BedrockException)?.StatusCode;
    }

    /// <summary>The Bedrock error type or stop reason that signalled the overflow.</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status, when the overflow was an HTTP error (400).</summary>
    public HttpStatusCode? StatusCode { get; }
}
