namespace AgentHost.DevGateway.Tools;

/// <summary>A business failure of a tool (unknown id, invalid argument) reported to the caller as a tool error.</summary>
internal sealed class ToolFailureException : Exception
{
    public ToolFailureException(string message)
        : base(message)
    {
    }

    public ToolFailureException()
    {
    }

    public ToolFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
