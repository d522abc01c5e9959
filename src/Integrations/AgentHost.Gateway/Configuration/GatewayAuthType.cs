namespace AgentHost.Gateway.Configuration;

/// <summary>How the host authenticates to an AgentCore Gateway (the gateway's inbound authorizer).</summary>
public enum GatewayAuthType
{
    /// <summary>No authentication (local gateways and test servers).</summary>
    None,

    /// <summary>An OAuth2 bearer token: client-credentials from a token endpoint, or the inbound <c>Authorization</c> header passed through.</summary>
    CustomJwt,

    /// <summary>Every MCP HTTP request is signed with AWS SigV4 for the service <c>bedrock-agentcore</c>.</summary>
    AwsIam,
}
