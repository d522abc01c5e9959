using AgentHost.Gateway.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>The MCP handshake and listing of <see cref="GatewayConnection"/>.</summary>
internal sealed partial class GatewayConnection
{
    private async Task<McpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = Gateway.Url!,
                TransportMode = HttpTransportMode.StreamableHttp,
                Name = Gateway.Name,
                ConnectionTimeout = _options.ConnectTimeout,
            },
            _http,
            _loggerFactory,
            ownsHttpClient: false);
        var clientOptions = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "AgentHost", Version = "1.0.0" },
            ProtocolVersion = _options.ProtocolVersion,
            InitializationTimeout = _options.ConnectTimeout,
            Handlers = new McpClientHandlers
            {
                NotificationHandlers =
                [
                    new(NotificationMethods.ToolListChangedNotification, (_, _) =>
                    {
                        OnListChanged();
                        return ValueTask.CompletedTask;
                    }),
                ],
            },
        };
        return await McpClient.CreateAsync(transport, clientOptions, _loggerFactory, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IReadOnlyList<Tool> Tools, int Pages)> ListAllAsync(McpClient client, CancellationToken cancellationToken)
    {
        var tools = new List<Tool>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _listCalls);
            pages++;
            tools.AddRange(page.Tools);
            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor) && pages < MaxPages);

        // The raw listing does not fill the client's tool cache: without this, every tools/call through the SDK (revisions
        // that StreamableHttpToolCall does not send) logs a "not found in cache" warning (a formatted log line per tool call)
        // and sends no Mcp-Param-* headers. The cache mirrors the latest listing.
        client.ClearKnownTools();
        client.AddKnownTools(tools);
        return (tools, pages);
    }
}
