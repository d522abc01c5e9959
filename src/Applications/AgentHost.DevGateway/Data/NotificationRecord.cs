namespace AgentHost.DevGateway.Data;

/// <summary>A notification sent to an investor.</summary>
internal sealed class NotificationRecord
{
    public required string NotificationId { get; set; }
    public required string InvestorId { get; set; }
    public required string Channel { get; set; }
    public required string Message { get; set; }
    public required string SentAt { get; set; }
    public required string Status { get; set; }
}
