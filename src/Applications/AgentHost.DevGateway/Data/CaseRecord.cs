namespace AgentHost.DevGateway.Data;

/// <summary>A customer service case (ticket).</summary>
internal sealed class CaseRecord
{
    public required string CaseId { get; set; }
    public required string InvestorId { get; set; }
    public required string Subject { get; set; }
    public required string Category { get; set; }
    public required string Priority { get; set; }
    public required string Status { get; set; }
    public required string CreatedOn { get; set; }
    public List<CaseNoteRecord> Notes { get; set; } = [];
}
