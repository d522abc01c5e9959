using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>scheduling</c> target: advisor callbacks.</summary>
internal static class SchedulingTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers) =>
        handlers["scheduling___book_callback"] = Book;

    private static JsonNode Book(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string date = args.Required("date");
        if (string.CompareOrdinal(date, ToolArguments.Today(store.Time)) < 0)
        {
            throw new ToolFailureException($"The callback date {date} is in the past.");
        }

        CallbackRecord record = new()
        {
            CallbackId = store.NextId("CB-", 4, store.Data.Callbacks.Select(c => c.CallbackId)),
            InvestorId = i.InvestorId,
            Date = date,
            TimeSlot = args.Required("timeSlot"),
            Advisor = i.Advisor,
            Status = "booked",
        };
        store.Data.Callbacks.Add(record);
        return Json.Node(record, SampleDataJsonContext.Default.CallbackRecord);
    }
}
