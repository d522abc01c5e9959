using Amazon.Runtime.CredentialManagement;

namespace AgentHost.Aws.Endpoints;

/// <summary>
/// Resolves the AWS region: an explicit value, then <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>,
/// then the <c>region</c> of the profile (the given one, else <c>AWS_PROFILE</c>, else <c>default</c>)
/// in the shared config files.
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>Resolves the region, or returns <see langword="null"/> when none is configured.</summary>
    /// <param name="explicitRegion">An explicit region (highest precedence).</param>
    /// <param name="profile">A profile name to read the region from.</param>
    /// <param name="environment">Environment lookup; defaults to <see cref="AwsEnvironment.Process"/>.</param>
    /// <param name="profileRegion">Reads a profile's region; defaults to the shared config files.</param>
    /// <returns>The region name, or <see langword="null"/>.</returns>
    public static string? Resolve(
        string? explicitRegion = null,
        string? profile = null,
        Func<string, string?>? environment = null,
        Func<string, string?>? profileRegion = null)
    {
        environment ??= AwsEnvironment.Process;
        if (!string.IsNullOrWhiteSpace(explicitRegion))
        {
            return explicitRegion.Trim();
        }

        if (environment("AWS_REGION") is { } region)
        {
            return region;
        }

        if (environment("AWS_DEFAULT_REGION") is { } defaultRegion)
        {
            return defaultRegion;
        }

        var profileName = !string.IsNullOrWhiteSpace(profile) ? profile : environment("AWS_PROFILE") ?? "default";
        return (profileRegion ?? ReadProfileRegion)(profileName);
    }

    private static string? ReadProfileRegion(string profileName)
    {
        try
        {
            return new CredentialProfileStoreChain().TryGetProfile(profileName, out var found) ? found.Region?.SystemName : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
