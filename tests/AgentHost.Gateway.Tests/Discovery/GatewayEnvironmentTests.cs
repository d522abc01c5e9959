using System.Collections;
using AgentHost.Gateway.Configuration;

namespace AgentHost.Gateway.Tests.Discovery;

public sealed class GatewayEnvironmentTests
{
    [Fact]
    public void Apply_DeployVariables_BecomeGatewaysWithTheirAuthType()
    {
        var options = new GatewayToolOptions();
        var problems = GatewayEnvironment.Apply(options, new Hashtable
        {
            ["AGENTCORE_GATEWAY_TOOLS_URL"] = "https://abc.gateway.bedrock-agentcore.eu-west-1.amazonaws.com/mcp",
            ["AGENTCORE_GATEWAY_TOOLS_AUTH_TYPE"] = "AWS_IAM",
            ["AGENTCORE_GATEWAY_MY_CRM_URL"] = "https://crm.example.com/mcp",
            ["AGENTCORE_GATEWAY_MY_CRM_AUTH_TYPE"] = "CUSTOM_JWT",
            ["AGENTCORE_GATEWAY_MY_CRM_TOKEN_ENDPOINT"] = "https://auth.example.com/oauth2/token",
            ["AGENTCORE_GATEWAY_MY_CRM_CLIENT_ID"] = "client",
            ["AGENTCORE_GATEWAY_MY_CRM_SCOPES"] = "a/read a/write",
            ["AGENTCORE_GATEWAY_REFRESH_SECONDS"] = "120",
            ["AGENTCORE_GATEWAY_TOOL_THRESHOLD"] = "30",
            ["AGENTCORE_GATEWAY_ALWAYS_OFFER"] = "crm___escalate, tickets___create",
            ["UNRELATED"] = "x",
        });

        Assert.Empty(problems);
        Assert.Equal(2, options.Gateways.Count);
        var crm = options.Gateways.Single(g => g.Name == "MY_CRM");
        Assert.Equal(GatewayAuthType.CustomJwt, crm.AuthType);
        Assert.Equal(new Uri("https://auth.example.com/oauth2/token"), crm.TokenEndpoint);
        Assert.Equal("AGENTCORE_GATEWAY_MY_CRM_CLIENT_SECRET", crm.ClientSecretVariable);
        Assert.Equal(["a/read", "a/write"], crm.Scopes);
        var tools = options.Gateways.Single(g => g.Name == "TOOLS");
        Assert.Equal(GatewayAuthType.AwsIam, tools.AuthType);
        Assert.Equal("eu-west-1", Connections.GatewayHttpPipeline.ResolveRegion(tools));
        Assert.Equal(TimeSpan.FromSeconds(120), options.RefreshInterval);
        Assert.Equal(30, options.SelectionThreshold);
        Assert.Equal(["crm___escalate", "tickets___create"], options.AlwaysOfferedTools);
    }

    [Fact]
    public void Apply_IdentityAndProtocolVariables_AreRead()
    {
        var options = new GatewayToolOptions();
        var problems = GatewayEnvironment.Apply(options, new Hashtable
        {
            ["AGENTCORE_GATEWAY_CRM_URL"] = "https://crm.example.com/mcp",
            ["AGENTCORE_GATEWAY_CRM_AUTH_TYPE"] = "CUSTOM_JWT",
            ["AGENTCORE_GATEWAY_CRM_CREDENTIAL_PROVIDER"] = "CrmGatewayOAuth",
            ["AGENTCORE_GATEWAY_IDENTITY_ENDPOINT"] = "http://127.0.0.1:9/",
            ["AGENTCORE_GATEWAY_PROTOCOL_VERSION"] = "2025-06-18",
        });

        Assert.Empty(problems);
        Assert.Equal("CrmGatewayOAuth", Assert.Single(options.Gateways).CredentialProviderName);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.IdentityEndpoint);
        Assert.Equal("2025-06-18", options.ProtocolVersion);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("auto")]
    public void ProtocolVersion_LatestOrAuto_Negotiates(string value)
    {
        var options = new GatewayToolOptions { ProtocolVersion = "2025-06-18" };

        GatewayEnvironment.Apply(options, new Hashtable { ["AGENTCORE_GATEWAY_PROTOCOL_VERSION"] = value });

        Assert.Null(options.ProtocolVersion);
    }

    [Fact]
    public void IdentityEndpoint_NotAnAbsoluteUrl_IsReported()
    {
        var options = new GatewayToolOptions();

        var problems = GatewayEnvironment.Apply(options, new Hashtable { ["AGENTCORE_GATEWAY_IDENTITY_ENDPOINT"] = "identity.local" });

        Assert.Contains("AGENTCORE_GATEWAY_IDENTITY_ENDPOINT is not an absolute http(s) URL; ignored.", problems);
        Assert.Null(options.IdentityEndpoint);
    }

    [Fact]
    public void Apply_InvalidUrlOrAuthType_IsReportedAndTheGatewaySkipped()
    {
        var options = new GatewayToolOptions();
        var problems = GatewayEnvironment.Apply(options, new Hashtable
        {
            ["AGENTCORE_GATEWAY_A_URL"] = "not a url",
            ["AGENTCORE_GATEWAY_B_URL"] = "https://b.example.com/mcp",
            ["AGENTCORE_GATEWAY_B_AUTH_TYPE"] = "KERBEROS",
        });

        Assert.Empty(options.Gateways);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Apply_ExplicitlyConfiguredGateway_WinsOverTheEnvironment()
    {
        var options = new GatewayToolOptions();
        options.Gateways.Add(new GatewayOptions { Name = "tools", Url = new Uri("http://127.0.0.1:1/mcp") });

        GatewayEnvironment.Apply(options, new Hashtable { ["AGENTCORE_GATEWAY_TOOLS_URL"] = "https://other.example.com/mcp" });

        Assert.Equal(new Uri("http://127.0.0.1:1/mcp"), Assert.Single(options.Gateways).Url);
    }

    [Fact]
    public void Apply_MissingAuthType_MeansNone()
    {
        var options = new GatewayToolOptions();
        GatewayEnvironment.Apply(options, new Hashtable { ["AGENTCORE_GATEWAY_LOCAL_URL"] = "http://127.0.0.1:8765/mcp" });

        Assert.Equal(GatewayAuthType.None, Assert.Single(options.Gateways).AuthType);
    }
}
