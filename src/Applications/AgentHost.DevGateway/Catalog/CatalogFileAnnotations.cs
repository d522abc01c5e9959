namespace AgentHost.DevGateway.Catalog;

/// <summary>The MCP tool annotations of one entry in <c>tool-catalog.json</c>.</summary>
internal sealed class CatalogFileAnnotations
{
    public string? Title { get; set; }
    public bool? ReadOnlyHint { get; set; }
    public bool? DestructiveHint { get; set; }
    public bool? IdempotentHint { get; set; }
    public bool? OpenWorldHint { get; set; }
}
