namespace AgentHost.Core.Tools;

/// <summary>Marks a tool result as an error; its message is what the model sees.</summary>
public sealed class ToolCallFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ToolCallFailedException()
    {
    }

    /// <summary>Creates the exception with the message the model sees.</summary>
    public ToolCallFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ToolCallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
