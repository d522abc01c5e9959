namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// Another turn was stored on the same session first (a racing invocation). The caller can reload the
/// conversation and run the turn again, or report HTTP 409 to its own caller.
/// </summary>
public sealed class ConversationConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConversationConflictException(string sessionId, long attemptedSequence)
        : base($"Session '{sessionId}' already has a turn {attemptedSequence}: another turn on the same session finished first. Reload the conversation and retry.")
    {
        SessionId = sessionId;
        AttemptedSequence = attemptedSequence;
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public ConversationConflictException()
        : this(string.Empty, 0)
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public ConversationConflictException(string message)
        : base(message)
    {
        SessionId = string.Empty;
    }

    /// <summary>Creates the exception with a custom message and inner exception.</summary>
    public ConversationConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        SessionId = string.Empty;
    }

    /// <summary>The session id.</summary>
    public string SessionId { get; }

    /// <summary>The sequence number that was already taken.</summary>
    public long AttemptedSequence { get; }
}
