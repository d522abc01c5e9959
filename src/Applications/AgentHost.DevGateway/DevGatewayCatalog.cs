using System.Text.Json;
using AgentHost.DevGateway.Catalog;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway;

/// <summary>
/// The development gateway's tool catalog for a financial-services contact centre, loaded from the
/// embedded <c>tool-catalog.json</c>. Exposed as plain data so tests and tools can build declarations
/// from it without starting a server.
/// </summary>
public static class DevGatewayCatalog
{
    /// <summary>The separator between target and tool in a gateway tool name (three underscores).</summary>
    public const string TargetSeparator = "___";

    /// <summary>The name of the AgentCore Gateway search tool.</summary>
    public const string SearchToolName = "x_amz_bedrock_agentcore_search";

    private static readonly Lazy<IReadOnlyList<DevGatewayToolDefinition>> LazyTools = new(LoadTools);
    private static readonly Lazy<DevGatewayToolDefinition> LazySearchTool = new(CreateSearchTool);

    /// <summary>Gets the contact-centre tools (not including the search tool), in catalog order.</summary>
    public static IReadOnlyList<DevGatewayToolDefinition> Tools => LazyTools.Value;

    /// <summary>Gets the definition of the <c>x_amz_bedrock_agentcore_search</c> tool.</summary>
    public static DevGatewayToolDefinition SearchTool => LazySearchTool.Value;

    /// <summary>Gets every tool the gateway lists: the search tool first, then the catalog.</summary>
    public static IReadOnlyList<DevGatewayToolDefinition> AllTools => [SearchTool, .. Tools];

    private static List<DevGatewayToolDefinition> LoadTools()
    {
        CatalogFile file = EmbeddedResources.Read(EmbeddedResources.ToolCatalogName, SampleDataJsonContext.Default.CatalogFile);
        return file.Tools.Select(t => new DevGatewayToolDefinition(t.Name, t.Description, t.InputSchema)
        {
            Title = t.Annotations?.Title,
            ReadOnlyHint = t.Annotations?.ReadOnlyHint,
            DestructiveHint = t.Annotations?.DestructiveHint,
            IdempotentHint = t.Annotations?.IdempotentHint,
            OpenWorldHint = t.Annotations?.OpenWorldHint,
        }).ToList();
    }

    private static DevGatewayToolDefinition CreateSearchTool()
    {
        // Description as published by AgentCore Gateway for its built-in semantic search tool.
        using JsonDocument schema = JsonDocument.Parse("""
            {"type":"object","properties":{"query":{"type":"string","description":"A natural language description of the task, used to find the most relevant tools."}},"required":["query"]}
            """);
        return new DevGatewayToolDefinition(
            SearchToolName,
            "A special tool that returns a trimmed down list of tools given a context. Use this tool only when there are many tools available and you want to get a subset that matches the provided context.",
            schema.RootElement)
        {
            Title = "Search tools",
            ReadOnlyHint = true,
            DestructiveHint = false,
            IdempotentHint = true,
            OpenWorldHint = false,
        };
    }
}
