using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>documents</c> target: list documents and request copies.</summary>
internal static class DocumentTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["documents___list_documents"] = List;
        handlers["documents___request_document"] = Request;
    }

    private static JsonNode List(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string? type = args.Optional("documentType");
        IEnumerable<DocumentRecord> documents = store.Data.Documents
            .Where(d => d.InvestorId == i.InvestorId && (type is null || d.DocumentType == type))
            .OrderByDescending(d => d.Date, StringComparer.Ordinal);
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["documents"] = Json.Array(documents, SampleDataJsonContext.Default.DocumentRecord),
        };
    }

    private static JsonNode Request(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string type = args.Required("documentType");
        string delivery = args.Optional("deliveryMethod") ?? "email";
        DocumentRecord document = store.Data.Documents
            .Where(d => d.InvestorId == i.InvestorId && d.DocumentType == type)
            .OrderByDescending(d => d.Date, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new ToolFailureException($"No {type.Replace('_', ' ')} is on file for investor {i.InvestorId}.");
        document.Status = "requested";
        document.DeliveryMethod = delivery;
        return new JsonObject
        {
            ["requestId"] = store.NextId("R-", 4, []),
            ["investorId"] = i.InvestorId,
            ["documentId"] = document.DocumentId,
            ["title"] = document.Title,
            ["deliveryMethod"] = delivery,
            ["status"] = "requested",
            ["expectedWithin"] = delivery == "post" ? "5 working days" : "1 hour",
        };
    }
}
