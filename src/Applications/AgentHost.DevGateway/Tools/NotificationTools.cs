using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>notifications</c> target: send and list notifications.</summary>
internal static class NotificationTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["notifications___send_notification"] = Send;
        handlers["notifications___list_notifications"] = List;
    }

    private static JsonNode Send(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        NotificationRecord notification = new()
        {
            NotificationId = store.NextId("N-", 4, store.Data.Notifications.Select(n => n.NotificationId)),
            InvestorId = i.InvestorId,
            Channel = args.Required("channel"),
            Message = args.Required("message"),
            SentAt = ToolArguments.Now(store.Time),
            Status = "sent",
        };
        store.Data.Notifications.Add(notification);
        return Json.Node(notification, SampleDataJsonContext.Default.NotificationRecord);
    }

    private static JsonNode List(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        IEnumerable<NotificationRecord> sent = store.Data.Notifications
            .Where(n => n.InvestorId == i.InvestorId)
            .Reverse();
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["notifications"] = Json.Array(sent, SampleDataJsonContext.Default.NotificationRecord),
        };
    }
}
