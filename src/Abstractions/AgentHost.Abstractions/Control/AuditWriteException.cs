namespace AgentHost.Abstractions.Control;

/// <summary>An audit record could not be written; the action it records must not take effect (fail closed).</summary>
public sealed class AuditWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuditWriteException()
        : base("The audit record could not be written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AuditWriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AuditWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
