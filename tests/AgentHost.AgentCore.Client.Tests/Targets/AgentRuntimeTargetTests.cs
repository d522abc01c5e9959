namespace AgentHost.AgentCore.Client.Tests.Targets;

public sealed class AgentRuntimeTargetTests
{
    private const string Arn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/agent-AbC";

    [Fact]
    public void ForRuntimeArn_NoOverride_UsesTheRegionalEndpointAndEncodesTheArn()
    {
        var target = AgentRuntimeTarget.ForRuntimeArn(Arn, environment: _ => null);

        Assert.Equal(
            "https://bedrock-agentcore.eu-west-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aeu-west-1%3A123456789012%3Aruntime%2Fagent-AbC/invocations?qualifier=DEFAULT",
            target.InvocationsUri.AbsoluteUri);
        Assert.Equal("eu-west-1", target.Region);
        Assert.Equal("DEFAULT", target.Qualifier);
        Assert.True(target.IsRuntimeArn);
    }

    [Fact]
    public void ForRuntimeArn_RegionAndQualifier_OverrideTheDefaults()
    {
        var target = AgentRuntimeTarget.ForRuntimeArn(Arn, qualifier: "prod endpoint", region: "us-west-2", environment: _ => null);

        Assert.StartsWith("https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/", target.InvocationsUri.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/invocations?qualifier=prod%20endpoint", target.InvocationsUri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("us-west-2", target.Region);
    }

    [Fact]
    public void ForRuntimeArn_ServiceEndpointVariable_WinsOverTheGlobalOne()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"] = "http://127.0.0.1:4566/",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999",
        };

        var target = AgentRuntimeTarget.ForRuntimeArn(Arn, environment: environment.GetValueOrDefault);

        Assert.StartsWith("http://127.0.0.1:4566/runtimes/arn%3Aaws%3A", target.InvocationsUri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void ForRuntimeArn_GlobalEndpointVariable_IsUsedWhenTheServiceOneIsUnset()
    {
        var target = AgentRuntimeTarget.ForRuntimeArn(Arn, environment: name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:9999" : null);

        Assert.StartsWith("http://127.0.0.1:9999/runtimes/", target.InvocationsUri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:bedrock:us-east-1:123:runtime/x")]
    [InlineData("arn:aws:bedrock-agentcore:us-east-1:123:gateway/x")]
    [InlineData("arn:aws:bedrock-agentcore::123:runtime/x")]
    [InlineData("arn:aws:bedrock-agentcore:us-east-1:123:runtime/")]
    [InlineData("arn:aws:bedrock-agentcore:us-east-1")]
    public void ForRuntimeArn_NotARuntimeArn_Throws(string arn)
    {
        var error = Assert.Throws<ArgumentException>(() => AgentRuntimeTarget.ForRuntimeArn(arn, environment: _ => null));

        Assert.Contains("runtime ARN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/invocations")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/invocations")]
    [InlineData("http://127.0.0.1:8080/invocations", "http://127.0.0.1:8080/invocations")]
    [InlineData("https://agents.example.com/team-a", "https://agents.example.com/team-a/invocations")]
    public void Parse_Url_PostsToInvocations(string url, string expected)
    {
        var target = AgentRuntimeTarget.Parse(url);

        Assert.Equal(expected, target.InvocationsUri.AbsoluteUri);
        Assert.False(target.IsRuntimeArn);
        Assert.Null(target.Region);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("localhost:8080")]
    [InlineData("not a target")]
    public void Parse_NeitherUrlNorArn_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => AgentRuntimeTarget.Parse(value));
    }
}
