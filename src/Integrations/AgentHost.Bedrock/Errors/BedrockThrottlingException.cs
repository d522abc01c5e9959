using System.Net;

namespace AgentHost.Bedrock.Errors;

/// <summary>
/// Bedrock throttled the request (<c>ThrottlingException</c>, HTTP 429, or a mid-stream
/// <c>throttlingException</c> frame). Per-minute throttling is retryable; a per-day token quota
/// (<see cref="IsDailyQuota"/>) is not.
/// </summary>
public sealed class BedrockThrottlingException : BedrockException
{
    /// <summary>Creates the exception.</summary>
    public BedrockThrottlingException()
        : this("Too many requests.", isDailyQuota: false)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Bedrock's message.</param>
    public BedrockThrottlingException(string message)
        : this(message, isDailyQuota: false)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockThrottlingException(string message, Exception innerException)
        : base(message, "ThrottlingException", HttpStatusCode.TooManyRequests, isRetryable: true, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Bedrock's message.</param>
    /// <param name="isDailyQuota">Whether a per-day quota was hit (not retryable).</param>
    /// <param name="errorType">The error type as Bedrock spelled it.</param>
    public BedrockThrottlingException(string message, bool isDailyQuota, string errorType = "ThrottlingException")
        : base(message, errorType, HttpStatusCode.TooManyRequests, isRetryable: !isDailyQuota)
    {
        IsDailyQuota = isDailyQuota;
    }

    /// <summary>Whether a per-day token quota was exhausted; retrying does not help until the quota resets.</summary>
    public bool IsDailyQuota { get; }
}
