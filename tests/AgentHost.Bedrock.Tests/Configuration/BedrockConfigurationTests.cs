namespace AgentHost.Bedrock.Tests.Configuration;

public sealed class BedrockConfigurationTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
        => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void IsConfigured_ModelIdAndEnvironmentCredentials_ReturnsTrue()
    {
        Assert.True(BedrockConfiguration.IsConfigured(environment: Env(("AGENTHOST_BEDROCK_MODEL_ID", "us.amazon.nova-lite-v1:0"), ("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "s")), profileHasCredentials: _ => false));
    }

    [Fact]
    public void IsConfigured_LegacyModelIdVariableAndContainerRole_ReturnsTrue()
    {
        Assert.True(BedrockConfiguration.IsConfigured(environment: Env(("BEDROCK_MODEL_ID", "anthropic.claude-3-haiku-20240307-v1:0"), ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/x")), profileHasCredentials: _ => false));
    }

    [Fact]
    public void IsConfigured_CredentialsButNoModelId_ReturnsFalse()
    {
        Assert.False(BedrockConfiguration.IsConfigured(environment: Env(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "s")), profileHasCredentials: _ => true));
    }

    [Fact]
    public void IsConfigured_ModelIdButNoCredentialSource_ReturnsFalse()
    {
        Assert.False(BedrockConfiguration.IsConfigured(new BedrockChatClientOptions { ModelId = "m" }, Env(), _ => false));
    }

    [Fact]
    public void IsConfigured_ModelIdAndSsoProfile_ChecksTheConfiguredProfile()
    {
        Assert.True(BedrockConfiguration.IsConfigured(new BedrockChatClientOptions { ModelId = "m", Profile = "sso-dev" }, Env(), p => p == "sso-dev"));
    }

    [Fact]
    public void FromEnvironment_AllVariablesSet_FillsModelProfileAndCachePoints()
    {
        var options = BedrockChatClientOptions.FromEnvironment(Env(("AGENTHOST_BEDROCK_MODEL_ID", "primary"), ("BEDROCK_MODEL_ID", "secondary"), ("AWS_PROFILE", "dev"), ("AGENTHOST_BEDROCK_PROMPT_CACHING", "true")));

        Assert.Equal("primary", options.ModelId);
        Assert.Equal("dev", options.Profile);
        Assert.True(options.CachePointAfterSystem);
        Assert.True(options.CachePointAfterTools);
        Assert.Equal(3, options.MaxRetries);
    }

    [Fact]
    public void ResolveEndpoint_BedrockRuntimeVariableSet_WinsOverAwsEndpointUrl()
    {
        var options = new BedrockChatClientOptions();

        var endpoint = options.ResolveEndpoint("us-east-1", Env(("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:4010"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4020")));

        Assert.Equal(new Uri("http://127.0.0.1:4010"), endpoint);
    }

    [Fact]
    public void ResolveEndpoint_NothingSet_UsesTheRegionalBedrockRuntimeHost()
    {
        Assert.Equal(new Uri("https://bedrock-runtime.eu-west-3.amazonaws.com"), new BedrockChatClientOptions().ResolveEndpoint("eu-west-3", Env()));
    }

    [Fact]
    public void CreateChatClient_RegionAndEndpointOnlyInTheGivenEnvironment_UsesThem()
    {
        using var client = BedrockConfiguration.CreateChatClient(new BedrockChatClientOptions { ModelId = "m" }, environment: Env(("AWS_REGION", "ap-northeast-1"), ("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:4010")));

        var metadata = client.GetService(typeof(Microsoft.Extensions.AI.ChatClientMetadata)) as Microsoft.Extensions.AI.ChatClientMetadata;
        Assert.Equal(new Uri("http://127.0.0.1:4010"), metadata!.ProviderUri);
        Assert.Equal("m", metadata.DefaultModelId);
    }

    [Fact]
    public void CreateChatClient_NoRegionAnywhere_ThrowsAnActionableMessage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BedrockConfiguration.CreateChatClient(new BedrockChatClientOptions { ModelId = "m", Profile = "agenthost-test-profile-that-does-not-exist" }, environment: Env()));

        Assert.Contains("AWS_REGION", ex.Message, StringComparison.Ordinal);
    }
}
