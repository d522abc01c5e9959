using System.Text.Json;

namespace AgentHost.DevGateway.Catalog;

/// <summary>One tool entry in <c>tool-catalog.json</c>.</summary>
internal sealed class CatalogFileTool
{
    public required string Name { get; set; }
    public required string Description { get; set; }
    public CatalogFileAnnotations? Annotations { get; set; }
    public JsonElement InputSchema { get; set; }
}
