namespace AgentHost.DevGateway.Data;

/// <summary>An investor (customer) in the sample CRM.</summary>
internal sealed class InvestorRecord
{
    public required string InvestorId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string Phone { get; set; }
    public required string Tier { get; set; }
    public required string Status { get; set; }
    public required string DateOfBirth { get; set; }
    public required string Postcode { get; set; }
    public required string City { get; set; }
    public required string Advisor { get; set; }
    public required string AccountId { get; set; }
    public required string BaseCurrency { get; set; }
    public decimal CashBalance { get; set; }
    public required KycRecord Kyc { get; set; }
    public List<string> RestrictedSymbols { get; set; } = [];
    public List<PositionRecord> Positions { get; set; } = [];
}
