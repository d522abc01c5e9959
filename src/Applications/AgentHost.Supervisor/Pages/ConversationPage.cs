using System.Globalization;
using System.Text;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;
using AgentHost.Control.Audit;
using AgentHost.Supervisor.Security;

namespace AgentHost.Supervisor.Pages;

/// <summary>One conversation: its summary, the live transcript with tool calls, pending approvals with approve/reject, guidance and escalation.</summary>
internal static class ConversationPage
{
    public static string Body(string sessionId, LiveSession? live, IReadOnlyList<ActivityEvent> events, IReadOnlyList<ApprovalRequest> pending, IReadOnlyList<string> roles, string antiforgeryField)
    {
        var html = new StringBuilder(8192);
        var last = events.Count > 0 ? events[^1].Sequence : 0;
        html.Append("<h1>Conversation <code>").Append(Html.E(sessionId)).Append("</code></h1><section class=\"summary\" id=\"summary\">").Append(Summary(live)).Append("</section>");
        html.Append("<div class=\"cols\"><section class=\"transcript\"><h2>Live transcript</h2><ol id=\"transcript\" data-live=\"/sessions/").Append(Html.U(sessionId))
            .Append("/events\" data-after=\"").Append(last.ToString(CultureInfo.InvariantCulture)).Append("\" data-approvals=\"/sessions/").Append(Html.U(sessionId)).Append("/fragments/approvals\">");
        foreach (var activity in events)
        {
            html.Append(ActivityRow.Render(activity));
        }

        html.Append("</ol></section><aside>");
        html.Append("<section id=\"approvals\">").Append(Approvals(pending, roles, antiforgeryField)).Append("</section>");
        if (roles.Contains(ConsoleRoles.Supervisor))
        {
            html.Append("<section><h2>Guidance</h2><form method=\"post\" action=\"/sessions/").Append(Html.U(sessionId)).Append("/guidance\" class=\"guidance\">").Append(antiforgeryField)
                .Append("<label for=\"guidance-text\">Instruction for the agent's next answer (the customer never sees it)</label>")
                .Append("<textarea id=\"guidance-text\" name=\"text\" rows=\"3\" maxlength=\"2000\" required></textarea><button type=\"submit\" id=\"send-guidance\">Send guidance</button></form></section>");
            html.Append("<section><h2>Escalate</h2><form method=\"post\" action=\"/sessions/").Append(Html.U(sessionId)).Append("/escalate\">").Append(antiforgeryField)
                .Append("<label for=\"escalate-note\">Note for the human agent</label><input id=\"escalate-note\" name=\"note\" maxlength=\"500\">")
                .Append("<button type=\"submit\" id=\"escalate\">Escalate to a human</button></form></section>");
        }

        html.Append("<p><a href=\"/escalations/session/").Append(Html.U(sessionId)).Append("\">Escalation package</a>");
        if (roles.Contains(ConsoleRoles.Auditor))
        {
            html.Append(" · <a href=\"/sessions/").Append(Html.U(sessionId)).Append("/audit\">Audit trail</a>");
        }

        return html.Append("</p></aside></div>").ToString();
    }

    public static string Summary(LiveSession? live)
    {
        if (live is null)
        {
            return "<p class=\"muted\">No activity yet.</p>";
        }

        var html = new StringBuilder(512);
        html.Append("<dl><dt>Status</dt><dd><span class=\"badge b-").Append(Html.E(live.Status)).Append("\" id=\"status\">").Append(Html.E(live.Status)).Append("</span></dd>")
            .Append("<dt>Channel</dt><dd>").Append(Html.E(live.Channel ?? "-")).Append("</dd><dt>Customer</dt><dd>").Append(Html.E(live.Customer ?? "-"))
            .Append("</dd><dt>Identity</dt><dd>").Append(Html.E(live.Identity ?? "not checked")).Append("</dd><dt>Contact</dt><dd>").Append(Html.E(live.ContactId ?? "-"))
            .Append("</dd><dt>Turns</dt><dd>").Append(live.Turns.ToString(CultureInfo.InvariantCulture)).Append("</dd><dt>Sentiment (lexicon)</dt><dd>").Append(SessionListPage.Trend(live.Sentiment))
            .Append("</dd><dt>Flags</dt><dd>");
        foreach (var flag in live.Flags)
        {
            html.Append("<span class=\"flag\">").Append(Html.E(flag)).Append("</span> ");
        }

        return html.Append("</dd></dl>").ToString();
    }

    public static string Approvals(IReadOnlyList<ApprovalRequest> pending, IReadOnlyList<string> roles, string antiforgeryField)
    {
        var html = new StringBuilder(1024);
        html.Append("<h2>Pending approvals</h2>");
        if (pending.Count == 0)
        {
            return html.Append("<p class=\"muted\" id=\"no-approvals\">None.</p>").ToString();
        }

        foreach (var request in pending)
        {
            html.Append("<div class=\"approval-card\" data-request=\"").Append(Html.E(request.Id)).Append("\"><p><b>").Append(Html.E(request.ToolName)).Append("</b> <code>")
                .Append(Html.E(ArgumentMasker.Summarize(request.Arguments))).Append("</code></p><p class=\"muted\">rule ").Append(Html.E(request.RuleId)).Append(", risk ")
                .Append(Html.E(request.Risk.ToString())).Append(", ").Append(request.Mode == ApprovalMode.Committee ? "committee (2 approvers)" : "one approver")
                .Append(", expires ").Append(Html.E(request.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("Z. ").Append(Html.E(request.Reason)).Append("</p>");
            if (roles.Contains(ConsoleRoles.Approver))
            {
                html.Append("<form method=\"post\" action=\"/approvals/").Append(Html.U(request.Id)).Append("/decide\">").Append(antiforgeryField)
                    .Append("<input type=\"hidden\" name=\"argumentsHash\" value=\"").Append(Html.E(request.ArgumentsHash)).Append("\">")
                    .Append("<input name=\"comment\" maxlength=\"500\" placeholder=\"Reason (required to reject)\">")
                    .Append("<button type=\"submit\" name=\"verdict\" value=\"approve\" class=\"approve\">Approve</button>")
                    .Append("<button type=\"submit\" name=\"verdict\" value=\"reject\" class=\"reject\">Reject</button></form>");
            }

            html.Append("</div>");
        }

        return html.ToString();
    }
}
