namespace AgentHost.DevGateway.Data;

/// <summary>A holding in an investor's portfolio.</summary>
internal sealed class PositionRecord
{
    public required string Symbol { get; set; }
    public required string Name { get; set; }
    public required string AssetClass { get; set; }
    public decimal Quantity { get; set; }
    public decimal Price { get; set; }
    public decimal MarketValue { get; set; }
}
