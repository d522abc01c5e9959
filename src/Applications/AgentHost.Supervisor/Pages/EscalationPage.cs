using System.Text;
using AgentHost.Abstractions.Supervision;

namespace AgentHost.Supervisor.Pages;

/// <summary>The escalation package of a conversation, for the human agent (embeddable in the Amazon Connect agent workspace).</summary>
internal static class EscalationPage
{
    public static string Body(EscalationPackage package)
    {
        var html = new StringBuilder(4096);
        html.Append("<h1>Escalation: ").Append(Html.E(package.Customer)).Append("</h1><p class=\"muted\">Session <a href=\"/sessions/").Append(Html.U(package.SessionId)).Append("\">")
            .Append(Html.E(package.SessionId)).Append("</a>").Append(package.ContactId is null ? string.Empty : " · contact " + Html.E(package.ContactId))
            .Append(package.Channel is null ? string.Empty : " · " + Html.E(package.Channel)).Append(" · built ").Append(Html.Time(package.BuiltAt)).Append(" UTC</p>");
        if (package.Reason is not null)
        {
            html.Append("<p class=\"reason\"><b>Why:</b> ").Append(Html.E(package.Reason)).Append("</p>");
        }

        html.Append("<section class=\"next\"><h2>Suggested next step <small>(rule-based)</small></h2><p id=\"next-step\">").Append(Html.E(package.SuggestedNextStep)).Append("</p></section>");
        List(html, "asked", "What the customer asked", package.Asked);
        List(html, "found", "What the AI found and did", package.FoundAndDid);
        List(html, "failed", "What failed", package.Failed);
        List(html, "pending", "Pending approvals", package.PendingApprovals);
        List(html, "notes", "Supervisor notes", package.SupervisorNotes);
        if (package.Sentiment is not null)
        {
            html.Append("<p>Sentiment (lexicon): ").Append(SessionListPage.Trend(package.Sentiment)).Append("</p>");
        }

        return html.ToString();
    }

    private static void List(StringBuilder html, string id, string title, IReadOnlyList<string> lines)
    {
        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(Html.E(title)).Append("</h2>");
        if (lines.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing.</p></section>");
            return;
        }

        html.Append("<ul>");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(Html.E(line)).Append("</li>");
        }

        html.Append("</ul></section>");
    }
}
