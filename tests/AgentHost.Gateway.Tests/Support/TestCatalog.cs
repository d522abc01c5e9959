using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>Deterministic tool catalogs for the test server.</summary>
internal static class TestCatalog
{
    private static readonly string[] Domains = ["orders", "billing", "shipping", "customers", "inventory", "tickets", "loyalty", "returns", "payments", "products"];
    private static readonly string[] Verbs = ["get", "list", "create", "update", "cancel", "archive", "export", "validate", "merge", "audit", "count", "restore", "assign", "close", "reopen", "summarize", "compare", "flag", "approve", "reject", "notify", "schedule"];

    public static Tool Tool(string name, string description, string schemaJson = """{"type":"object","properties":{"id":{"type":"string","description":"The record id."}},"required":["id"]}""") =>
        new() { Name = name, Description = description, InputSchema = JsonDocument.Parse(schemaJson).RootElement.Clone() };

    /// <summary>A catalog of <paramref name="count"/> tools named like gateway tools (<c>target___tool</c>), including <c>shipping___track_parcel</c>.</summary>
    public static List<Tool> Large(int count)
    {
        var tools = new List<Tool>
        {
            Tool("shipping___track_parcel", "Tracks a parcel by its tracking number and returns the carrier and delivery status.",
                """{"type":"object","properties":{"trackingNumber":{"type":"string","description":"The carrier tracking number."}},"required":["trackingNumber"]}"""),
        };
        for (var i = 0; tools.Count < count; i++)
        {
            var domain = Domains[i % Domains.Length];
            var verb = Verbs[(i / Domains.Length) % Verbs.Length];
            var round = i / (Domains.Length * Verbs.Length);
            var name = round == 0 ? $"{domain}___{verb}_{domain}" : $"{domain}___{verb}_{domain}_{round}";
            tools.Add(Tool(name, $"{Capitalise(verb)}s {domain} records in the back office (variant {round})."));
        }

        return tools;
    }

    /// <summary>A few tools exercising results: plain text echo, isError, policy denial, structured content.</summary>
    public static List<Tool> Behaviours() =>
    [
        Tool("orders___get_order", "Gets an order by id.",
            """{"type":"object","properties":{"orderId":{"type":"string","pattern":"^O-[0-9]+$"},"expand":{"type":"array","items":{"type":"string","enum":["lines","payments"]}},"limit":{"type":"integer","minimum":1,"maximum":50}},"required":["orderId"]}"""),
        Tool("orders___refund_fail", "Refunds an order (always reports an error)."),
        Tool("payments___charge_denied", "Charges a card (always denied by policy)."),
        Tool("orders___stats_structured", "Order statistics as structured content."),
        Tool("tickets___summary_mixed", "Structured content plus a human summary."),
    ];

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
