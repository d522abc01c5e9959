namespace AgentHost.Aws.Credentials;

/// <summary>Always returns the same credentials (tests, or credentials obtained elsewhere).</summary>
public sealed class StaticAwsCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AwsCredentials _credentials;

    /// <summary>Creates the provider.</summary>
    /// <param name="credentials">The credentials to return.</param>
    public StaticAwsCredentialsProvider(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_credentials);
}
