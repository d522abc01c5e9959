using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;
using AgentHost.DevGateway.Logging;
using AgentHost.DevGateway.Search;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace AgentHost.DevGateway.Tools;

/// <summary>Lists the catalog and runs tool calls: validation, dispatch, search and error shaping.</summary>
internal sealed class ToolService
{
    private readonly ContactCentreStore _store;
    private readonly Dictionary<string, ToolHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DevGatewayToolDefinition> _definitions;
    private readonly ToolSearchIndex _index;
    private readonly int _searchLimit;
    private readonly ILogger _logger;

    public ToolService(ContactCentreStore store, int searchLimit, ILogger logger)
    {
        _store = store;
        _searchLimit = searchLimit;
        _logger = logger;
        CrmTools.Register(_handlers);
        PortfolioTools.Register(_handlers);
        TradingTools.Register(_handlers);
        DocumentTools.Register(_handlers);
        NotificationTools.Register(_handlers);
        ComplianceTools.Register(_handlers);
        CaseTools.Register(_handlers);
        EscalationTools.Register(_handlers);
        AccountTools.Register(_handlers);
        SchedulingTools.Register(_handlers);
        _definitions = DevGatewayCatalog.AllTools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _index = new ToolSearchIndex(DevGatewayCatalog.Tools);
        Tools = [.. DevGatewayCatalog.AllTools.Select(ToProtocolTool)];
    }

    public IReadOnlyList<Tool> Tools { get; }

    public CallToolResult Call(string name, IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        DevGatewayLog.ToolCalled(_logger, name);
        arguments ??= new Dictionary<string, JsonElement>();
        if (!_definitions.TryGetValue(name, out DevGatewayToolDefinition? definition))
        {
            return Error(name, $"Unknown tool '{name}'. Use tools/list or {DevGatewayCatalog.SearchToolName} to find tools.");
        }

        List<string> problems = SchemaValidator.Validate(definition.InputSchema, arguments);
        if (problems.Count > 0)
        {
            return Error(name, string.Join(" ", problems));
        }

        if (name == DevGatewayCatalog.SearchToolName)
        {
            return Search(new ToolArguments(arguments).Required("query"));
        }

        try
        {
            JsonNode result;
            lock (_store.Sync)
            {
                result = _handlers[name](_store, new ToolArguments(arguments));
            }

            return Success(result);
        }
        catch (ToolFailureException ex)
        {
            return Error(name, ex.Message);
        }
    }

    private CallToolResult Search(string query)
    {
        JsonArray tools = [.. _index.Search(query, _searchLimit).Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["description"] = t.Description,
            ["inputSchema"] = JsonNode.Parse(t.InputSchema.GetRawText()),
        })];
        return Success(new JsonObject { ["tools"] = tools });
    }

    private static CallToolResult Success(JsonNode result)
    {
        string text = result.ToJsonString();
        using JsonDocument document = JsonDocument.Parse(text);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = document.RootElement.Clone(),
            IsError = false,
        };
    }

    private CallToolResult Error(string name, string message)
    {
        DevGatewayLog.ToolFailed(_logger, name, message);
        return new CallToolResult { Content = [new TextContentBlock { Text = message }], IsError = true };
    }

    private static Tool ToProtocolTool(DevGatewayToolDefinition definition) => new()
    {
        Name = definition.Name,
        Title = definition.Title,
        Description = definition.Description,
        InputSchema = definition.InputSchema,
        Annotations = new ToolAnnotations
        {
            Title = definition.Title,
            ReadOnlyHint = definition.ReadOnlyHint,
            DestructiveHint = definition.DestructiveHint,
            IdempotentHint = definition.IdempotentHint,
            OpenWorldHint = definition.OpenWorldHint,
        },
    };
}
