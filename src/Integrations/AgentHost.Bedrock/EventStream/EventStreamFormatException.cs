namespace AgentHost.Bedrock.EventStream;

/// <summary>The response body is not a valid <c>application/vnd.amazon.eventstream</c> stream (bad CRC, bad lengths, truncated).</summary>
public sealed class EventStreamFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventStreamFormatException()
        : base("Invalid event-stream data.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public EventStreamFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public EventStreamFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
