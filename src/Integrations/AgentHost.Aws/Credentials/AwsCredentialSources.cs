using AgentHost.Aws.Endpoints;
using Amazon.Runtime.CredentialManagement;

namespace AgentHost.Aws.Credentials;

/// <summary>
/// Cheap, offline checks of whether a credential source is configured, without calling any endpoint:
/// environment keys, a container credentials endpoint (ECS, AgentCore Runtime), a web identity token
/// file, or a usable profile (static keys, SSO, assume-role, credential_process) in the shared files.
/// </summary>
/// <remarks>
/// EC2 instance roles cannot be detected without a network call; set <c>AWS_EC2_METADATA_DISABLED</c>
/// to <c>false</c> explicitly to declare them, or use <see cref="CanResolveAsync"/>.
/// </remarks>
public static class AwsCredentialSources
{
    /// <summary>Returns whether a credential source appears to be configured.</summary>
    /// <param name="profile">An explicit profile name, or <see langword="null"/> for <c>AWS_PROFILE</c>/<c>default</c>.</param>
    /// <param name="environment">Environment lookup; defaults to <see cref="AwsEnvironment.Process"/>.</param>
    /// <param name="profileHasCredentials">Checks a profile; defaults to the shared config files.</param>
    /// <returns><see langword="true"/> when some source is configured.</returns>
    public static bool IsConfigured(string? profile = null, Func<string, string?>? environment = null, Func<string, bool>? profileHasCredentials = null)
    {
        environment ??= AwsEnvironment.Process;
        if (environment("AWS_ACCESS_KEY_ID") is not null && environment("AWS_SECRET_ACCESS_KEY") is not null)
        {
            return true;
        }

        if (environment("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null
            || environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null
            || environment("AWS_WEB_IDENTITY_TOKEN_FILE") is not null
            || string.Equals(environment("AWS_EC2_METADATA_DISABLED"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var profileName = !string.IsNullOrWhiteSpace(profile) ? profile : environment("AWS_PROFILE") ?? "default";
        return (profileHasCredentials ?? ProfileHasCredentials)(profileName);
    }

    /// <summary>Resolves credentials from the full chain (may call SSO or a metadata endpoint) within a timeout.</summary>
    /// <param name="provider">The provider to try.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when credentials were resolved.</returns>
    public static async Task<bool> CanResolveAsync(IAwsCredentialsProvider provider, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await provider.GetCredentialsAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (AwsCredentialsUnavailableException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool ProfileHasCredentials(string profileName)
    {
        try
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profileName, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
