using AgentHost.Gateway.Configuration;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;

namespace AgentHost.Hosting.Tests;

public sealed class GatewayConfigurationTests
{
    [Fact]
    public void Read_GatewaysSection_ParsesAuthTypesScopesAndNames()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("appsettings.json", """
            {"Gateways":[
              {"Name":"crm","Url":"https://crm.example/mcp","AuthType":"CUSTOM_JWT","TokenEndpoint":"https://auth.example/oauth2/token","ClientId":"abc","ClientSecretVariable":"CRM_SECRET","Scopes":"read write","CredentialProviderName":"CrmGatewayOAuth"},
              {"Name":"ops","Url":"https://ops.example/mcp","AuthType":"AWS_IAM","Region":"eu-west-1","PassThroughAuthorization":"false"}]}
            """);
        var configuration = AgentHostConfiguration.Build(settingsFile: file, environment: new Dictionary<string, string>());
        var errors = new List<string>();

        var gateways = GatewayComposition.Read(configuration, errors);

        Assert.Empty(errors);
        Assert.Equal(["crm", "ops"], gateways.Select(g => g.Name));
        Assert.Equal(GatewayAuthType.CustomJwt, gateways[0].AuthType);
        Assert.Equal(["read", "write"], gateways[0].Scopes);
        Assert.Equal("CrmGatewayOAuth", gateways[0].CredentialProviderName);
        Assert.Equal(GatewayAuthType.AwsIam, gateways[1].AuthType);
        Assert.Equal("eu-west-1", gateways[1].Region);
        AgentHostSettingsLoader.Load(configuration);
    }

    [Fact]
    public void Load_BadGatewayEntry_ReportsEveryProblemPrecisely()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("appsettings.json", """{"Gateways":[{"Url":"crm.example/mcp","AuthType":"BASIC","Colour":"red"}]}""");

        var error = Assert.Throws<ConfigurationValidationException>(() => AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(settingsFile: file, environment: new Dictionary<string, string>())));

        Assert.Contains(error.Errors, e => e.StartsWith("Unknown configuration key 'Gateways:0:Colour'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e == "'Gateways:0' needs a 'Name'.");
        Assert.Contains(error.Errors, e => e == "'Gateways:0:Url' is 'crm.example/mcp'; it must be an absolute http(s) URL.");
        Assert.Contains(error.Errors, e => e == "'Gateways:0:AuthType' is 'BASIC'; it must be NONE, CUSTOM_JWT or AWS_IAM.");
    }
}
