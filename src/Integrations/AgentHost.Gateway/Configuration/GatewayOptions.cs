namespace AgentHost.Gateway.Configuration;

/// <summary>
/// One AgentCore Gateway (an MCP server over Streamable HTTP). Filled from configuration or from the environment variables
/// <c>AGENTCORE_GATEWAY_&lt;NAME&gt;_*</c> (see the project README).
/// </summary>
/// <remarks>
/// Secrets are never held in this class: the client secret is read at token time from the environment variable named by
/// <see cref="ClientSecretVariable"/> or from the file <see cref="ClientSecretFile"/>, and is never logged.
/// </remarks>
public sealed class GatewayOptions
{
    /// <summary>The gateway's name (letters, digits, <c>_</c> or <c>-</c>), used in logs and status. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The MCP endpoint, e.g. <c>https://{id}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp</c>. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>How to authenticate. Default <see cref="GatewayAuthType.None"/>.</summary>
    public GatewayAuthType AuthType { get; set; } = GatewayAuthType.None;

    /// <summary>CUSTOM_JWT: the OAuth2 token endpoint for the client-credentials grant.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>CUSTOM_JWT: the OAuth2 client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>CUSTOM_JWT: the name of the environment variable holding the client secret.</summary>
    public string? ClientSecretVariable { get; set; }

    /// <summary>CUSTOM_JWT: a file whose content (trimmed) is the client secret; used when <see cref="ClientSecretVariable"/> is unset or empty.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>CUSTOM_JWT: the scopes to request (space-separated in the token request). Default none.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>
    /// CUSTOM_JWT: the name of an AgentCore Identity OAuth2 credential provider (registered with <c>agentcore add credential</c>).
    /// When set, the gateway's token comes from AgentCore Identity's GetResourceOauth2Token (flow M2M, <see cref="Scopes"/>) with the
    /// workload access token of the invocation; client credentials, when configured too, serve requests without one (local runs,
    /// background listing). Default none.
    /// </summary>
    public string? CredentialProviderName { get; set; }

    /// <summary>
    /// CUSTOM_JWT: send the <c>Authorization</c> header of the invocation a request is made for (passed explicitly with the
    /// invocation, see <see cref="AgentHost.Abstractions.Agents.InvocationContext.Authorization"/>) instead of the gateway's own
    /// token. Background catalog refreshes then use the client-credentials token when one is configured. Default <see langword="false"/>.
    /// </summary>
    public bool PassThroughAuthorization { get; set; }

    /// <summary>AWS_IAM: the region to sign for. Default: parsed from the gateway host name, else <c>AWS_REGION</c>, else <c>us-east-1</c>.</summary>
    public string? Region { get; set; }
}
