namespace AgentHost.Hosting.Configuration;

/// <summary>The configuration is invalid; <see cref="Errors"/> lists every problem precisely (key, source, what is allowed).</summary>
public sealed class ConfigurationValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationValidationException(IReadOnlyList<string> errors)
        : base("The configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationValidationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception.</summary>
    public ConfigurationValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>The problems, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
