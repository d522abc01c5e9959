namespace AgentHost.Abstractions.Models;

/// <summary>
/// The model rejected the request because the conversation does not fit its context window
/// (Bedrock: <c>model_context_window_exceeded</c> or the equivalent validation message).
/// The agent loop reacts by trimming its window and retrying once.
/// </summary>
public class ModelContextOverflowException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelContextOverflowException()
        : base("The conversation does not fit the model's context window.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelContextOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ModelContextOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
