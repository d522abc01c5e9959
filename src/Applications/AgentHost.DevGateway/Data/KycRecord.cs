namespace AgentHost.DevGateway.Data;

/// <summary>The know-your-customer state of an investor.</summary>
internal sealed class KycRecord
{
    public required string Status { get; set; }
    public required string RiskRating { get; set; }
    public required string LastReviewed { get; set; }
}
