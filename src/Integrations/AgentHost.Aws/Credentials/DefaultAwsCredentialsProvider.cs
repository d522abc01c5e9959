using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace AgentHost.Aws.Credentials;

/// <summary>
/// Resolves credentials through the standard AWS SDK chain
/// (<see cref="DefaultAWSCredentialsIdentityResolver"/>): environment variables, the shared
/// config/credentials files (profiles, including SSO through AWSSDK.SSO/SSOOIDC, assume-role and
/// credential_process), web identity, and container/instance roles (as on AgentCore Runtime).
/// When a profile name is given, that profile is used instead of the chain.
/// </summary>
/// <remarks>The SDK caches and refreshes temporary credentials; this type asks it on every call.</remarks>
public sealed class DefaultAwsCredentialsProvider : IAwsCredentialsProvider
{
    private readonly string? _profile;
    private AWSCredentials? _source;

    /// <summary>Creates the provider.</summary>
    /// <param name="profile">A named profile to use, or <see langword="null"/> for the default chain (which honours <c>AWS_PROFILE</c>).</param>
    public DefaultAwsCredentialsProvider(string? profile = null)
    {
        _profile = string.IsNullOrWhiteSpace(profile) ? null : profile;
    }

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        ImmutableCredentials immutable;
        try
        {
            var source = _source ??= ResolveSource();
            immutable = await source.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException)
        {
            throw new AwsCredentialsUnavailableException($"AWS credentials could not be resolved: {ex.Message}", ex);
        }

        if (immutable is null || string.IsNullOrEmpty(immutable.AccessKey) || string.IsNullOrEmpty(immutable.SecretKey))
        {
            throw new AwsCredentialsUnavailableException("The AWS credential chain returned empty credentials.");
        }

        return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.Token);
    }

    private AWSCredentials ResolveSource()
    {
        if (_profile is not null)
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(_profile, out var profileCredentials))
            {
                return profileCredentials;
            }

            throw new AwsCredentialsUnavailableException($"The AWS profile '{_profile}' was not found or has no usable credentials.");
        }

        return DefaultAWSCredentialsIdentityResolver.GetCredentials();
    }
}
