namespace AgentHost.Abstractions.Models;

/// <summary>
/// A model provider failed in a way the user can act on: unreachable endpoint, rejected credentials, unknown model, a model
/// that cannot call tools. The message says what happened and what to change; it never contains credentials or message contents.
/// </summary>
public class ModelProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelProviderException()
        : base("The model provider failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ModelProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the provider answered with, when it answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the configuration is at fault (wrong URL, key or model) and retrying will not help.</summary>
    public bool IsConfigurationError { get; init; }
}
