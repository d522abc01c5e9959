using AgentHost.Aws.Credentials;

namespace AgentHost.Aws.Tests.Credentials;

public sealed class AwsCredentialSourcesTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
        => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void IsConfigured_EnvironmentKeys_ReturnsTrue()
    {
        Assert.True(AwsCredentialSources.IsConfigured(environment: Env(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "x")), profileHasCredentials: _ => false));
    }

    [Fact]
    public void IsConfigured_ContainerCredentialsEndpoint_ReturnsTrue()
    {
        Assert.True(AwsCredentialSources.IsConfigured(environment: Env(("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials")), profileHasCredentials: _ => false));
    }

    [Fact]
    public void IsConfigured_OnlyAccessKeyWithoutSecret_FallsBackToProfileCheck()
    {
        Assert.False(AwsCredentialSources.IsConfigured(environment: Env(("AWS_ACCESS_KEY_ID", "AKID")), profileHasCredentials: _ => false));
    }

    [Fact]
    public void IsConfigured_NamedProfileWithCredentials_ReturnsTrue()
    {
        Assert.True(AwsCredentialSources.IsConfigured("sso-dev", Env(), p => p == "sso-dev"));
    }

    [Fact]
    public async Task CanResolveAsync_ProviderThrowsUnavailable_ReturnsFalseAsync()
    {
        Assert.False(await AwsCredentialSources.CanResolveAsync(new ThrowingProvider(), TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CanResolveAsync_StaticCredentials_ReturnsTrueAsync()
    {
        var provider = new StaticAwsCredentialsProvider(new AwsCredentials("AKID", "secret"));

        Assert.True(await AwsCredentialSources.CanResolveAsync(provider, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
    }

    private sealed class ThrowingProvider : IAwsCredentialsProvider
    {
        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
            => throw new AwsCredentialsUnavailableException();
    }
}
