using AgentHost.DevGateway;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Support;

/// <summary>Tool declarations built from the development gateway's catalog, as the agent loop would offer them.</summary>
internal static class CatalogTools
{
    public static IList<AITool> All { get; } =
        [.. DevGatewayCatalog.AllTools.Select(t => (AITool)AIFunctionFactory.CreateDeclaration(t.Name, t.Description, t.InputSchema))];

    public static IList<AITool> WithoutSearch { get; } =
        [.. All.Where(t => t.Name != DevGatewayCatalog.SearchToolName)];

    public static ChatOptions Options(IList<AITool>? tools = null) => new() { Tools = [.. tools ?? All] };

    public static IList<AITool> Only(params string[] names) => [.. All.Where(t => names.Contains(t.Name))];
}
