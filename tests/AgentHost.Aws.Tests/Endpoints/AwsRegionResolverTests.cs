using AgentHost.Aws.Endpoints;

namespace AgentHost.Aws.Tests.Endpoints;

public sealed class AwsRegionResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
        => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Resolve_ExplicitRegion_WinsOverEnvironment()
    {
        Assert.Equal("eu-central-1", AwsRegionResolver.Resolve("eu-central-1", environment: Env(("AWS_REGION", "us-east-1")), profileRegion: _ => "ap-south-1"));
    }

    [Fact]
    public void Resolve_AwsRegionAndDefaultRegionSet_PrefersAwsRegion()
    {
        Assert.Equal("us-west-2", AwsRegionResolver.Resolve(environment: Env(("AWS_REGION", "us-west-2"), ("AWS_DEFAULT_REGION", "us-east-1")), profileRegion: _ => null));
    }

    [Fact]
    public void Resolve_OnlyDefaultRegionSet_UsesIt()
    {
        Assert.Equal("us-east-1", AwsRegionResolver.Resolve(environment: Env(("AWS_DEFAULT_REGION", "us-east-1")), profileRegion: _ => null));
    }

    [Fact]
    public void Resolve_NoVariables_ReadsTheRegionOfAwsProfile()
    {
        string? asked = null;

        var region = AwsRegionResolver.Resolve(environment: Env(("AWS_PROFILE", "dev")), profileRegion: p => { asked = p; return "ap-southeast-2"; });

        Assert.Equal("ap-southeast-2", region);
        Assert.Equal("dev", asked);
    }

    [Fact]
    public void Resolve_NothingConfigured_ReturnsNull()
    {
        Assert.Null(AwsRegionResolver.Resolve(environment: Env(), profileRegion: _ => null));
    }
}
