using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Connections;

namespace AgentHost.Gateway.Authentication;

/// <summary>Chooses a CUSTOM_JWT gateway's token source: AgentCore Identity when a credential provider is configured (client credentials as its fallback), else client credentials.</summary>
internal static class GatewayTokenSources
{
    public static IGatewayTokenSource Create(GatewayOptions gateway, GatewayToolOptions options, GatewayConnectionServices services)
    {
        var clientCredentials = new ClientCredentialsTokenSource(gateway, options.TokenRefreshSkew, services.TimeProvider, services.PrimaryHandlerFactory());
        if (string.IsNullOrWhiteSpace(gateway.CredentialProviderName))
        {
            return clientCredentials;
        }

        var region = GatewayHttpPipeline.ResolveRegion(gateway);
        var endpoint = options.IdentityEndpoint ?? new Uri($"https://bedrock-agentcore.{region}.amazonaws.com/");
        if (!endpoint.AbsolutePath.EndsWith('/'))
        {
            endpoint = new Uri(endpoint.AbsoluteUri + "/");
        }

        var signed = new SigV4SigningHandler(
            GatewayHttpPipeline.SigningService, region, services.AwsCredentials ?? new DefaultAwsCredentialsProvider(), services.PrimaryHandlerFactory(), services.TimeProvider);
        return new AgentCoreIdentityTokenSource(gateway, options, services.TimeProvider, signed, endpoint, clientCredentials);
    }
}
