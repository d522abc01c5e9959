using AgentHost.DevGateway.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.DevGateway.Http;

/// <summary>Fills the MCP server options that expose the catalog through list/call handlers.</summary>
internal static class McpServerOptionsFactory
{
    public static void Configure(McpServerOptions options, ToolService tools, DevGatewayOptions? gateway = null)
    {
        options.ServerInfo = new Implementation { Name = "agenthost-devgateway", Version = "1.0.0" };
        options.ServerInstructions = "Local development gateway for a financial-services contact centre. Tool names are target___tool; use x_amz_bedrock_agentcore_search to find tools.";
        options.Capabilities = new ServerCapabilities { Tools = new ToolsCapability() };
        options.Handlers = new McpServerHandlers
        {
            ListToolsHandler = (request, cancellationToken) => ValueTask.FromResult(new ListToolsResult { Tools = [.. tools.Tools] }),
            CallToolHandler = (request, cancellationToken) =>
            {
                CallToolRequestParams parameters = request.Params ?? throw new ArgumentException("tools/call needs parameters.", nameof(request));
                var result = tools.Call(parameters.Name, parameters.Arguments?.AsReadOnly());
                return gateway is { ResponseDelay.Ticks: 0, CallLogPath: null } or null
                    ? ValueTask.FromResult(result)
                    : AfterCallAsync(result, parameters.Name, gateway, cancellationToken);
            },
        };
    }

    private static async ValueTask<CallToolResult> AfterCallAsync(CallToolResult result, string toolName, DevGatewayOptions options, CancellationToken cancellationToken)
    {
        if (options.CallLogPath is { } path)
        {
            lock (options)
            {
                File.AppendAllText(path, toolName + Environment.NewLine);
            }
        }

        if (options.ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.ResponseDelay, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
