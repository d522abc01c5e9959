using AgentHost.Gateway.Configuration;

namespace AgentHost.Gateway.Status;

/// <summary>The state of one gateway, for <c>/ping</c> details and the CLI. Contains no secrets.</summary>
/// <param name="Name">The gateway name.</param>
/// <param name="Endpoint">The MCP endpoint (scheme, host and path; no query string).</param>
/// <param name="AuthType">How the host authenticates.</param>
/// <param name="Connected">Whether an MCP session is open now.</param>
/// <param name="ToolCount">Tools in the last successful listing (kept while the gateway is down).</param>
/// <param name="LastError">The last connection or listing error, or <see langword="null"/> after a success.</param>
/// <param name="LastRefresh">When the catalog was last listed successfully.</param>
/// <param name="LastAttempt">When the last connection or listing attempt started.</param>
/// <param name="ListCalls">How many <c>tools/list</c> requests were sent (pages included) since start.</param>
public sealed record GatewayStatus(
    string Name,
    string Endpoint,
    GatewayAuthType AuthType,
    bool Connected,
    int ToolCount,
    string? LastError,
    DateTimeOffset? LastRefresh,
    DateTimeOffset? LastAttempt,
    long ListCalls);
