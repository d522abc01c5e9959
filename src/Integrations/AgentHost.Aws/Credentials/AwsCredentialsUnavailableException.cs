namespace AgentHost.Aws.Credentials;

/// <summary>No AWS credentials could be resolved from the configured source.</summary>
public sealed class AwsCredentialsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsCredentialsUnavailableException()
        : base("No AWS credentials could be resolved.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message (must not contain secrets).</param>
    public AwsCredentialsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message (must not contain secrets).</param>
    /// <param name="innerException">The cause.</param>
    public AwsCredentialsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
