using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>The MCP handlers of the test server.</summary>
internal sealed partial class TestMcpServer
{
    public const string SearchToolName = "x_amz_bedrock_agentcore_search";

    private McpServerOptions CreateServerOptions() => new()
    {
        ServerInfo = new Implementation { Name = "agenthost-test-gateway", Version = "1.0.0" },
        Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } },
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = (request, _) => ValueTask.FromResult(ListTools(request.Params?.Cursor)),
            CallToolHandler = CallToolAsync,
        },
    };

    private List<Tool> CurrentTools()
    {
        lock (_toolsLock)
        {
            var tools = new List<Tool>(_tools);
            if (OfferSearchTool)
            {
                tools.Insert(0, TestCatalog.Tool(SearchToolName, "Searches the gateway's tools semantically.",
                    """{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}"""));
            }

            return tools;
        }
    }

    private ListToolsResult ListTools(string? cursor)
    {
        Interlocked.Increment(ref _listCalls);
        var tools = CurrentTools();
        if (PageSize is not { } size)
        {
            return new ListToolsResult { Tools = tools };
        }

        var start = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var next = start + size < tools.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
        return new ListToolsResult { Tools = tools.Skip(start).Take(size).ToList(), NextCursor = next };
    }

    /// <summary>
    /// Tools whose name ends in <c>_announces_change</c> send <c>notifications/tools/list_changed</c> on the call's own stream
    /// before answering; tools ending in <c>_slow</c> answer only when the call is cancelled (counted in <see cref="CancelledCalls"/>).
    /// </summary>
    private async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var name = request.Params!.Name;
        if (name.EndsWith("_announces_change", StringComparison.Ordinal))
        {
            await request.Server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification, cancellationToken);
        }
        else if (name.EndsWith("_slow", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _callCalls);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelledCalls);
                throw;
            }
        }

        return CallTool(request.Params!);
    }

    private CallToolResult CallTool(CallToolRequestParams request)
    {
        var arguments = request.Arguments is null ? "{}" : JsonSerializer.Serialize(request.Arguments, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, JsonElement>)));
        if (request.Name == SearchToolName)
        {
            Interlocked.Increment(ref _searchCalls);
            return Search(request.Arguments?["query"].GetString() ?? string.Empty);
        }

        Interlocked.Increment(ref _callCalls);
        Calls.Enqueue((request.Name, arguments));
        if (!CurrentTools().Any(t => t.Name == request.Name))
        {
            return Error($"Unknown tool: {request.Name}");
        }

        if (request.Name.EndsWith("_fail", StringComparison.Ordinal))
        {
            return Error("The order is locked by another refund.");
        }

        if (request.Name.EndsWith("_denied", StringComparison.Ordinal))
        {
            throw new McpProtocolException("Tool call not authorized: denied by gateway policy (Cedar forbid).", McpErrorCode.InvalidRequest);
        }

        if (request.Name.EndsWith("_structured", StringComparison.Ordinal))
        {
            var structured = JsonDocument.Parse("""{"orders":3,"total":42.5,"currency":"EUR"}""").RootElement.Clone();
            return new CallToolResult { Content = [new TextContentBlock { Text = structured.GetRawText() }], StructuredContent = structured };
        }

        if (request.Name.EndsWith("_mixed", StringComparison.Ordinal))
        {
            var structured = JsonDocument.Parse("""{"open":2}""").RootElement.Clone();
            return new CallToolResult { Content = [new TextContentBlock { Text = "Two tickets are open." }], StructuredContent = structured };
        }

        var echo = new JsonObject { ["tool"] = request.Name, ["port"] = Port, ["arguments"] = JsonNode.Parse(arguments) };
        return new CallToolResult { Content = [new TextContentBlock { Text = echo.ToJsonString() }] };
    }

    private CallToolResult Search(string query)
    {
        var words = query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = CurrentTools()
            .Where(t => t.Name != SearchToolName)
            .Select(t => (Tool: t, Score: words.Count(w => (t.Name + " " + t.Description).Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Tool.Name, StringComparer.Ordinal)
            .Take(5)
            .Select(h => new JsonObject { ["name"] = h.Tool.Name, ["description"] = h.Tool.Description, ["inputSchema"] = JsonNode.Parse(h.Tool.InputSchema.GetRawText()) })
            .ToArray<JsonNode?>();
        var structured = JsonSerializer.SerializeToElement(new JsonObject { ["tools"] = new JsonArray(hits) }, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonObject)));
        return new CallToolResult { Content = [new TextContentBlock { Text = structured.GetRawText() }], StructuredContent = structured };
    }

    private static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
