using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>accounts</c> target: cash balance and transactions.</summary>
internal static class AccountTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["accounts___get_account_balance"] = Balance;
        handlers["accounts___list_transactions"] = Transactions;
    }

    private static JsonNode Balance(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        decimal pending = store.Data.Trades
            .Where(t => t.InvestorId == i.InvestorId && t.Status is "pending" or "executed")
            .Sum(t => (t.Side == "buy" ? -1 : 1) * t.Quantity * t.Price);
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["accountId"] = i.AccountId,
            ["currency"] = i.BaseCurrency,
            ["availableCash"] = i.CashBalance,
            ["pendingSettlement"] = pending,
        };
    }

    private static JsonNode Transactions(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string? from = args.Optional("fromDate");
        string? to = args.Optional("toDate");
        IEnumerable<TransactionRecord> found = store.Data.Transactions
            .Where(t => t.InvestorId == i.InvestorId
                && (from is null || string.CompareOrdinal(t.Date, from) >= 0)
                && (to is null || string.CompareOrdinal(t.Date, to) <= 0))
            .OrderByDescending(t => t.Date, StringComparer.Ordinal);
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["currency"] = i.BaseCurrency,
            ["transactions"] = Json.Array(found, SampleDataJsonContext.Default.TransactionRecord),
        };
    }
}
