namespace AgentHost.DevGateway.Data;

/// <summary>A document held for an investor (statement, tax certificate, ...).</summary>
internal sealed class DocumentRecord
{
    public required string DocumentId { get; set; }
    public required string InvestorId { get; set; }
    public required string DocumentType { get; set; }
    public required string Title { get; set; }
    public required string Date { get; set; }
    public required string Status { get; set; }
    public string? DeliveryMethod { get; set; }
}
