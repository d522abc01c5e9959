namespace AgentHost.DevGateway.Data;

/// <summary>A hand-over of the contact to a human agent.</summary>
internal sealed class EscalationRecord
{
    public required string EscalationId { get; set; }
    public string? InvestorId { get; set; }
    public required string Reason { get; set; }
    public required string Priority { get; set; }
    public required string Queue { get; set; }
    public required string Status { get; set; }
    public required string CreatedAt { get; set; }
}
