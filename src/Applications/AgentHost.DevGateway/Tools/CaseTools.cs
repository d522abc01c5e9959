using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>cases</c> target: create, read and annotate customer service cases.</summary>
internal static class CaseTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["cases___create_case"] = Create;
        handlers["cases___get_case"] = Get;
        handlers["cases___add_case_note"] = AddNote;
        handlers["cases___list_cases"] = List;
    }

    private static JsonNode List(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string? status = args.Optional("status");
        IEnumerable<CaseRecord> cases = store.Data.Cases
            .Where(c => c.InvestorId == i.InvestorId && (status is null || c.Status == status))
            .OrderByDescending(c => c.CreatedOn, StringComparer.Ordinal)
            .ThenByDescending(c => c.CaseId, StringComparer.Ordinal);
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["caseId"] = c.CaseId,
                ["subject"] = c.Subject,
                ["category"] = c.Category,
                ["priority"] = c.Priority,
                ["status"] = c.Status,
                ["createdOn"] = c.CreatedOn,
            })]),
        };
    }

    private static JsonNode Create(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        CaseRecord record = new()
        {
            CaseId = store.NextId("C-", 4, store.Data.Cases.Select(c => c.CaseId)),
            InvestorId = i.InvestorId,
            Subject = args.Required("subject"),
            Category = args.Optional("category") ?? "other",
            Priority = args.Optional("priority") ?? "medium",
            Status = "open",
            CreatedOn = ToolArguments.Today(store.Time),
        };
        store.Data.Cases.Add(record);
        return Json.Node(record, SampleDataJsonContext.Default.CaseRecord);
    }

    private static JsonNode Get(ContactCentreStore store, ToolArguments args) =>
        Json.Node(Find(store, args), SampleDataJsonContext.Default.CaseRecord);

    private static JsonNode AddNote(ContactCentreStore store, ToolArguments args)
    {
        CaseRecord record = Find(store, args);
        record.Notes.Add(new CaseNoteRecord { Author = "agent", Text = args.Required("note"), CreatedOn = ToolArguments.Today(store.Time) });
        if (record.Status == "open")
        {
            record.Status = "in_progress";
        }

        return Json.Node(record, SampleDataJsonContext.Default.CaseRecord);
    }

    private static CaseRecord Find(ContactCentreStore store, ToolArguments args)
    {
        string caseId = args.Required("caseId").ToUpperInvariant();
        return store.Data.Cases.Find(c => c.CaseId == caseId)
            ?? throw new ToolFailureException($"No case with id {caseId} was found.");
    }
}
