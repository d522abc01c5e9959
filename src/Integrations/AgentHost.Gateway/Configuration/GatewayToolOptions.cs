namespace AgentHost.Gateway.Configuration;

/// <summary>Options of the gateway tool integration: which gateways, caching, retries and tool selection.</summary>
public sealed class GatewayToolOptions
{
    /// <summary>Gateways configured explicitly. Gateways from the environment are added to these unless <see cref="ReadEnvironment"/> is false.</summary>
    public IList<GatewayOptions> Gateways { get; } = [];

    /// <summary>Read <c>AGENTCORE_GATEWAY_&lt;NAME&gt;_URL</c> and related variables. Default <see langword="true"/>.</summary>
    public bool ReadEnvironment { get; set; } = true;

    /// <summary>How long a catalog is trusted before it is listed again (<c>AGENTCORE_GATEWAY_REFRESH_SECONDS</c>). Default 15 minutes.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>First delay before retrying an unreachable gateway; doubles per failure. Default 1 second.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest delay between retries of an unreachable gateway. Default 60 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one connection attempt (initialize and list). Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Above this many tools the model gets a selection plus a search tool instead of the whole catalog
    /// (<c>AGENTCORE_GATEWAY_TOOL_THRESHOLD</c>). Default 20.
    /// </summary>
    public int SelectionThreshold { get; set; } = 20;

    /// <summary>How many ranked tools are offered per model call when selecting (<c>AGENTCORE_GATEWAY_SELECTION_SIZE</c>). Default 10.</summary>
    public int SelectionSize { get; set; } = 10;

    /// <summary>Tools offered on every call whatever the selection (Bedrock names or gateway names; <c>AGENTCORE_GATEWAY_ALWAYS_OFFER</c>, comma-separated).</summary>
    public IList<string> AlwaysOfferedTools { get; } = [];

    /// <summary>Name of the search tool offered to the model when selecting. Default <c>search_tools</c>.</summary>
    public string SearchToolName { get; set; } = "search_tools";

    /// <summary>Use the gateway's <c>x_amz_bedrock_agentcore_search</c> tool when the gateway offers it. Default <see langword="true"/>.</summary>
    public bool UseGatewaySearch { get; set; } = true;

    /// <summary>
    /// The MCP protocol revision requested (<c>AGENTCORE_GATEWAY_PROTOCOL_VERSION</c>). Default <see langword="null"/>: negotiate
    /// the newest revision both sides speak (the SDK probes the sessionless 2026-07-28 revision with <c>server/discover</c> and
    /// falls back to the <c>initialize</c> handshake, 2025-11-25 down to 2024-11-05). A revision that uses sessions (e.g.
    /// <c>2025-06-18</c>) skips the probe: the server must then answer with that revision exactly.
    /// </summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>
    /// AgentCore Identity's endpoint for gateways with a <see cref="GatewayOptions.CredentialProviderName"/>
    /// (<c>AGENTCORE_IDENTITY_ENDPOINT</c>). Default: <c>https://bedrock-agentcore.{region}.amazonaws.com</c> for the gateway's region.
    /// </summary>
    public Uri? IdentityEndpoint { get; set; }

    /// <summary>How long a token from AgentCore Identity is used when it is not a JWT with an <c>exp</c> claim. Default 15 minutes.</summary>
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Refresh an OAuth token this long before it expires. Default 60 seconds (capped at half the token lifetime).</summary>
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Changes the SDK client options of every gateway session (tests: e.g. declare client capabilities). Default none.</summary>
    internal Action<ModelContextProtocol.Client.McpClientOptions>? ConfigureClient { get; set; }
}
