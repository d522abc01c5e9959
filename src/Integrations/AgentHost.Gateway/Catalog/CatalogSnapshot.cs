using AgentHost.Gateway.Connections;
using AgentHost.Gateway.Selection;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Catalog;

/// <summary>An immutable view of every gateway's tools under their Bedrock names, with its search index.</summary>
internal sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = new(0, [], []);

    private readonly Lazy<Bm25Index> _index;

    public CatalogSnapshot(long version, IReadOnlyList<GatewayToolFunction> tools, IReadOnlyList<GatewayConnection> searchGateways)
    {
        Version = version;
        Tools = tools;
        AllTools = [.. tools];
        SearchGateways = searchGateways;
        ByName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        ByOriginal = tools.ToDictionary(t => new ToolKey(t.GatewayName, t.OriginalName));
        _index = new Lazy<Bm25Index>(() => new Bm25Index(tools.Select(ToolDocument.Terms).ToList()));
    }

    public long Version { get; }

    public IReadOnlyList<GatewayToolFunction> Tools { get; }

    /// <summary>The tools as the list offered to the model when the catalog is small.</summary>
    public IReadOnlyList<AITool> AllTools { get; }

    /// <summary>Gateways that offer <c>x_amz_bedrock_agentcore_search</c>.</summary>
    public IReadOnlyList<GatewayConnection> SearchGateways { get; }

    public IReadOnlyDictionary<string, GatewayToolFunction> ByName { get; }

    public IReadOnlyDictionary<ToolKey, GatewayToolFunction> ByOriginal { get; }

    public Bm25Index Index => _index.Value;
}
