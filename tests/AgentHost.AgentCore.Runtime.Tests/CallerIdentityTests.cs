using System.Text;
using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Runtime.Identity;
using AgentHost.AgentCore.Runtime.Invocations;

namespace AgentHost.AgentCore.Runtime.Tests;

/// <summary>The caller's identity comes from trusted sources only, as the deployment configures them.</summary>
public sealed class CallerIdentityTests
{
    private static readonly Dictionary<string, string> NoAttributes = [];

    private static string Bearer(string payloadJson) =>
        "Bearer eyJhbGciOiJSUzI1NiJ9." + Convert.ToBase64String(Encoding.UTF8.GetBytes(payloadJson)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".c2lnbmF0dXJl";

    [Fact]
    public void Read_NothingTrusted_ReturnsNoIdentityEvenWithATokenAndAttributes()
    {
        var identity = CallerIdentityReader.Read(new CallerIdentityOptions(), Bearer("""{"sub":"u1","profile":"vip"}"""), new Dictionary<string, string> { ["profile"] = "vip" });

        Assert.Null(identity);
    }

    [Fact]
    public void Read_TrustedJwt_TakesSubjectAndTheConfiguredProfileClaim()
    {
        var options = new CallerIdentityOptions { TrustJwtClaims = true, ProfileClaim = "cognito:groups" };

        var identity = CallerIdentityReader.Read(options, Bearer("""{"sub":"u1","cognito:groups":["private-banking","staff"],"exp":1900000000}"""), NoAttributes);

        Assert.NotNull(identity);
        Assert.Equal("u1", identity.Subject);
        Assert.Equal("private-banking", identity.Profile);
        Assert.Equal("jwt", identity.Source);
        Assert.True(identity.Verified);
        Assert.Equal("1900000000", identity.Claims["exp"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.%%%.c")]
    public void Read_TrustedJwtButNoReadableToken_FallsBackToNothing(string? authorization) =>
        Assert.Null(CallerIdentityReader.Read(new CallerIdentityOptions { TrustJwtClaims = true }, authorization, NoAttributes));

    [Fact]
    public void Read_TrustedConnectAttribute_TakesTheProfileUnverified()
    {
        var options = new CallerIdentityOptions { TrustedProfileAttribute = "customerProfile" };

        var identity = CallerIdentityReader.Read(options, null, new Dictionary<string, string> { ["customerProfile"] = " retail " });
        var other = CallerIdentityReader.Read(options, null, new Dictionary<string, string> { ["profile"] = "vip" });

        Assert.NotNull(identity);
        Assert.Equal("retail", identity.Profile);
        Assert.Equal("connect", identity.Source);
        Assert.False(identity.Verified);
        Assert.Null(other);
    }

    [Fact]
    public void Map_ToolCallWithFlagsAndSuspension_ReportsThemInTheSummary()
    {
        var outcome = new TurnOutcome(
            "text",
            StopReason.EndTurn,
            [new ToolCallRecord("c1", "refund", System.Text.Json.JsonDocument.Parse("{}").RootElement, ToolCallStatus.Error, 1, "unknown", ["outcomeUnknown"], "apr_1")],
            new TokenUsage(1, 1, 2),
            1);

        var call = Assert.Single(InvocationMapper.ToResponse(new AgentHost.Core.Sessions.SessionTurnResult("s", "t", 1, outcome, Replayed: false)).ToolCalls);

        Assert.Equal(["outcomeUnknown"], call.Flags);
        Assert.Equal("apr_1", call.SuspensionId);
    }
}
