namespace AgentHost.DevGateway.Data;

/// <summary>An indicative price for a security.</summary>
internal sealed class QuoteRecord
{
    public required string Symbol { get; set; }
    public required string Name { get; set; }
    public required string AssetClass { get; set; }
    public decimal Price { get; set; }
    public required string Currency { get; set; }
}
