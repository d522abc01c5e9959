namespace AgentHost.Gateway.Tools;

/// <summary>
/// A gateway tool call failed. Gateway tools report every failure by throwing this exception (never by returning an
/// error-shaped value), so the agent loop records the call as an error and shows <see cref="Exception.Message"/> to the model.
/// </summary>
/// <remarks>The message is written for the model: it names the tool and, for schema violations, the field and rule, but never
/// argument values, tokens or secrets.</remarks>
public sealed class GatewayToolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayToolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public GatewayToolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GatewayToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="toolName">The Bedrock name of the tool.</param>
    /// <param name="kind">Why the call failed.</param>
    /// <param name="message">The message for the model.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GatewayToolException(string toolName, GatewayToolErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ToolName = toolName;
        Kind = kind;
    }

    /// <summary>The Bedrock name of the tool.</summary>
    public string ToolName { get; } = string.Empty;

    /// <summary>Why the call failed.</summary>
    public GatewayToolErrorKind Kind { get; } = GatewayToolErrorKind.ToolError;
}
