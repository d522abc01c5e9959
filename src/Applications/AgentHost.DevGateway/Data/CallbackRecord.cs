namespace AgentHost.DevGateway.Data;

/// <summary>A booked advisor callback.</summary>
internal sealed class CallbackRecord
{
    public required string CallbackId { get; set; }
    public required string InvestorId { get; set; }
    public required string Date { get; set; }
    public required string TimeSlot { get; set; }
    public required string Advisor { get; set; }
    public required string Status { get; set; }
}
