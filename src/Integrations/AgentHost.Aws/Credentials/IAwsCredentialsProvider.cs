namespace AgentHost.Aws.Credentials;

/// <summary>
/// Supplies AWS credentials for signing requests. Implementations cache and refresh temporary
/// credentials themselves; callers ask for credentials on every request.
/// </summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Returns the current credentials.</summary>
    /// <param name="cancellationToken">Cancels the resolution (which may call a metadata endpoint or SSO).</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="AwsCredentialsUnavailableException">No credentials could be resolved.</exception>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
