namespace AgentHost.DevGateway.Data;

/// <summary>A buy or sell order on the trade blotter.</summary>
internal sealed class TradeRecord
{
    public required string TradeId { get; set; }
    public required string InvestorId { get; set; }
    public required string Symbol { get; set; }
    public required string Side { get; set; }
    public decimal Quantity { get; set; }
    public decimal Price { get; set; }
    public required string Status { get; set; }
    public required string TradeDate { get; set; }
    public string? SettlementDate { get; set; }
}
