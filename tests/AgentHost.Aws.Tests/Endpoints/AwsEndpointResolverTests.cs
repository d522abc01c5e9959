using AgentHost.Aws.Endpoints;

namespace AgentHost.Aws.Tests.Endpoints;

public sealed class AwsEndpointResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
        => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Resolve_NoOverrides_ReturnsTheRegionalAmazonawsEndpoint()
    {
        var uri = AwsEndpointResolver.Resolve("bedrock-runtime", "bedrock-runtime", "eu-west-1", environment: Env());

        Assert.Equal(new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com"), uri);
    }

    [Fact]
    public void Resolve_ChinaRegion_UsesTheChinaPartitionSuffix()
    {
        var uri = AwsEndpointResolver.Resolve("bedrock-runtime", "bedrock-runtime", "cn-north-1", environment: Env());

        Assert.Equal("bedrock-runtime.cn-north-1.amazonaws.com.cn", uri.Host);
    }

    [Fact]
    public void Resolve_ServiceSpecificVariableSet_WinsOverTheGlobalVariable()
    {
        var uri = AwsEndpointResolver.Resolve("bedrock-runtime", "bedrock-runtime", "us-east-1", environment: Env(("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9999")));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), uri);
    }

    [Fact]
    public void Resolve_OnlyGlobalVariableSet_UsesIt()
    {
        var uri = AwsEndpointResolver.Resolve("bedrock-runtime", "bedrock-runtime", "us-east-1", environment: Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:9999")));

        Assert.Equal(new Uri("http://127.0.0.1:9999"), uri);
    }

    [Fact]
    public void Resolve_ExplicitEndpoint_WinsOverEnvironment()
    {
        var uri = AwsEndpointResolver.Resolve("bedrock-runtime", "bedrock-runtime", "us-east-1", new Uri("http://127.0.0.1:1234"), Env(("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:4566")));

        Assert.Equal(new Uri("http://127.0.0.1:1234"), uri);
    }

    [Fact]
    public void Resolve_OverrideIsNotAnUrl_ThrowsNamingTheVariable()
    {
        var ex = Assert.Throws<ArgumentException>(() => AwsEndpointResolver.Resolve("bedrock-agentcore", "bedrock-agentcore", "us-east-1", environment: Env(("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", "not a url"))));

        Assert.Contains("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bedrock-runtime", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME")]
    [InlineData("DynamoDB", "AWS_ENDPOINT_URL_DYNAMODB")]
    [InlineData("bedrock-agentcore", "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE")]
    public void EnvironmentVariableFor_ServiceId_UpperCasesAndUnderscores(string serviceId, string expected)
    {
        Assert.Equal(expected, AwsEndpointResolver.EnvironmentVariableFor(serviceId));
    }
}
