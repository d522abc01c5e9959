using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>trading</c> and <c>market</c> targets: trade blotter, trade status and quotes.</summary>
internal static class TradingTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["trading___get_trade_blotter"] = GetBlotter;
        handlers["trading___get_trade_status"] = GetStatus;
        handlers["market___get_quote"] = GetQuote;
    }

    private static JsonNode GetBlotter(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string? status = args.Optional("status");
        IEnumerable<TradeRecord> trades = store.Data.Trades
            .Where(t => t.InvestorId == i.InvestorId && (status is null || t.Status == status))
            .OrderByDescending(t => t.TradeDate, StringComparer.Ordinal);
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["trades"] = Json.Array(trades, SampleDataJsonContext.Default.TradeRecord),
        };
    }

    private static JsonNode GetStatus(ContactCentreStore store, ToolArguments args)
    {
        string tradeId = args.Required("tradeId").ToUpperInvariant();
        TradeRecord trade = store.Data.Trades.Find(t => t.TradeId == tradeId)
            ?? throw new ToolFailureException($"No trade with id {tradeId} was found.");
        return Json.Node(trade, SampleDataJsonContext.Default.TradeRecord);
    }

    private static JsonNode GetQuote(ContactCentreStore store, ToolArguments args)
    {
        string symbol = args.Required("symbol").ToUpperInvariant();
        QuoteRecord quote = store.Data.Quotes.Find(q => q.Symbol == symbol)
            ?? throw new ToolFailureException($"No quote is available for the symbol {symbol}.");
        return Json.Node(quote, SampleDataJsonContext.Default.QuoteRecord);
    }
}
