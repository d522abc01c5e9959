namespace AgentHost.Gateway.Authentication;

/// <summary>The host could not obtain credentials for a gateway (token endpoint down, client secret missing, credentials rejected).</summary>
public sealed class GatewayAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayAuthenticationException()
    {
    }

    /// <summary>Creates the exception with a message (which must not contain secrets).</summary>
    /// <param name="message">The message.</param>
    public GatewayAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GatewayAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
