using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>compliance</c> target: KYC checks and trade restrictions.</summary>
internal static class ComplianceTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["compliance___run_kyc_check"] = RunKyc;
        handlers["compliance___check_trade_restrictions"] = CheckRestrictions;
    }

    private static JsonNode RunKyc(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        bool pass = i.Kyc.Status == "verified" && i.Kyc.RiskRating != "high" && i.Status == "active";
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["outcome"] = pass ? "pass" : "refer",
            ["kycStatus"] = i.Kyc.Status,
            ["riskRating"] = i.Kyc.RiskRating,
            ["lastReviewed"] = i.Kyc.LastReviewed,
            ["checkedOn"] = ToolArguments.Today(store.Time),
        };
    }

    private static JsonNode CheckRestrictions(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string symbol = args.Required("symbol").ToUpperInvariant();
        string? reason = i.Status != "active"
            ? $"the account is {i.Status}"
            : i.RestrictedSymbols.Contains(symbol) ? $"{symbol} is on the investor's restricted list" : null;
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["symbol"] = symbol,
            ["allowed"] = reason is null,
            ["reason"] = reason ?? "no restriction applies",
        };
    }
}
