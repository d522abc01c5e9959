using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>portfolio</c> target: portfolio summary and positions.</summary>
internal static class PortfolioTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["portfolio___get_portfolio"] = GetPortfolio;
        handlers["portfolio___get_positions"] = GetPositions;
    }

    private static JsonNode GetPortfolio(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        decimal invested = i.Positions.Sum(p => p.MarketValue);
        decimal total = invested + i.CashBalance;
        JsonArray allocation = [.. i.Positions
            .GroupBy(p => p.AssetClass, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(p => p.MarketValue))
            .Select(g => (JsonNode)new JsonObject
            {
                ["assetClass"] = g.Key,
                ["value"] = g.Sum(p => p.MarketValue),
                ["weightPercent"] = total == 0 ? 0 : Math.Round(g.Sum(p => p.MarketValue) * 100 / total, 1),
            })];
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["name"] = i.Name,
            ["currency"] = i.BaseCurrency,
            ["totalValue"] = total,
            ["investedValue"] = invested,
            ["cash"] = i.CashBalance,
            ["holdings"] = i.Positions.Count,
            ["allocation"] = allocation,
        };
    }

    private static JsonNode GetPositions(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string? assetClass = args.Optional("assetClass");
        IEnumerable<PositionRecord> positions = i.Positions
            .Where(p => assetClass is null || string.Equals(p.AssetClass, assetClass, StringComparison.Ordinal));
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["currency"] = i.BaseCurrency,
            ["positions"] = Json.Array(positions, SampleDataJsonContext.Default.PositionRecord),
        };
    }
}
