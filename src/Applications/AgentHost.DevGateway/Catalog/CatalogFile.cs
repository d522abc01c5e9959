namespace AgentHost.DevGateway.Catalog;

/// <summary>The shape of the embedded <c>tool-catalog.json</c> file.</summary>
internal sealed class CatalogFile
{
    public List<CatalogFileTool> Tools { get; set; } = [];
}
