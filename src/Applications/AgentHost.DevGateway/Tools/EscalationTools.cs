using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>escalation</c> target: hand the contact over to a human agent.</summary>
internal static class EscalationTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers) =>
        handlers["escalation___escalate_to_human"] = Escalate;

    private static JsonNode Escalate(ContactCentreStore store, ToolArguments args)
    {
        string? investorId = args.Optional("investorId")?.ToUpperInvariant();
        InvestorRecord? investor = investorId is null ? null : store.Investor(investorId);
        string priority = args.Optional("priority") ?? "normal";
        EscalationRecord record = new()
        {
            EscalationId = store.NextId("E-", 4, store.Data.Escalations.Select(e => e.EscalationId)),
            InvestorId = investor?.InvestorId,
            Reason = args.Required("reason"),
            Priority = priority,
            Queue = investor?.Tier == "Private" ? "Private client desk" : "Investor services",
            Status = "queued",
            CreatedAt = ToolArguments.Now(store.Time),
        };
        store.Data.Escalations.Add(record);
        JsonNode result = Json.Node(record, SampleDataJsonContext.Default.EscalationRecord);
        result["estimatedWaitMinutes"] = priority switch { "urgent" => 1, "high" => 3, _ => 8 };
        return result;
    }
}
