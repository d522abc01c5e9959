namespace AgentHost.DevGateway.Data;

/// <summary>A cash account transaction.</summary>
internal sealed class TransactionRecord
{
    public required string TransactionId { get; set; }
    public required string InvestorId { get; set; }
    public required string Date { get; set; }
    public required string Type { get; set; }
    public decimal Amount { get; set; }
    public required string Description { get; set; }
}
