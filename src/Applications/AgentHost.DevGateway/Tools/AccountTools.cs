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
        handlers["accounts___request_withdrawal"] = Withdraw;
    }

    private static JsonNode Withdraw(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        decimal amount = decimal.Parse(args.Required("amount"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        if (amount <= 0)
        {
            throw new ToolFailureException("The withdrawal amount must be greater than zero.");
        }

        if (amount > i.CashBalance)
        {
            throw new ToolFailureException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The available cash of {i.CashBalance:0.00} {i.BaseCurrency} does not cover a withdrawal of {amount:0.00}."));
        }

        i.CashBalance -= amount;
        TransactionRecord record = new()
        {
            TransactionId = store.NextId("X-", 5, store.Data.Transactions.Select(t => t.TransactionId)),
            InvestorId = i.InvestorId,
            Date = ToolArguments.Today(store.Time),
            Type = "withdrawal",
            Amount = -amount,
            Description = "Withdrawal to nominated account (requested by phone)",
        };
        store.Data.Transactions.Add(record);
        JsonNode result = Json.Node(record, SampleDataJsonContext.Default.TransactionRecord);
        result["status"] = "pending";
        result["remainingCash"] = i.CashBalance;
        return result;
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
