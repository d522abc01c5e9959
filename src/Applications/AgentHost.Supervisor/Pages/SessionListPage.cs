using System.Globalization;
using System.Text;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;

namespace AgentHost.Supervisor.Pages;

/// <summary>The conversations list: one row per session with live activity, newest first; the table body is refreshed live.</summary>
internal static class SessionListPage
{
    public static string Body(IReadOnlyList<LiveSession> sessions, IReadOnlyList<ApprovalRequest> pending, DateTimeOffset now) =>
        "<h1>Conversations</h1><p class=\"muted\">Live: the list updates as turns run. Customers are masked; tool arguments and results are never shown raw. " +
        "Sentiment is the lexicon method (word lists, labelled as such; no model provides one).</p>" +
        "<table class=\"sessions\"><thead><tr><th>Session</th><th>Channel</th><th>Customer</th><th>Status</th><th>Last activity</th><th>Pending approvals</th>" +
        "<th>Flags</th><th>Identity</th><th>Sentiment (lexicon)</th></tr></thead><tbody id=\"session-rows\" data-live=\"/events/sessions\" data-fragment=\"/fragments/sessions\">" +
        Rows(sessions, pending, now) + "</tbody></table>";

    public static string Rows(IReadOnlyList<LiveSession> sessions, IReadOnlyList<ApprovalRequest> pending, DateTimeOffset now)
    {
        if (sessions.Count == 0)
        {
            return "<tr><td colspan=\"9\" class=\"muted\">No conversations yet.</td></tr>";
        }

        var counts = pending.GroupBy(p => p.SessionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var html = new StringBuilder(256 * sessions.Count);
        foreach (var session in sessions)
        {
            counts.TryGetValue(session.SessionId, out var approvals);
            html.Append("<tr data-session=\"").Append(Html.E(session.SessionId)).Append("\"><td><a href=\"/sessions/").Append(Html.U(session.SessionId)).Append("\">")
                .Append(Html.E(session.SessionId)).Append("</a></td><td>").Append(Html.E(session.Channel ?? "-")).Append("</td><td>").Append(Html.E(session.Customer ?? "-"))
                .Append("</td><td><span class=\"badge b-").Append(Html.E(session.Status)).Append("\">").Append(Html.E(session.Status)).Append("</span></td><td title=\"")
                .Append(Html.E(session.LastActivity.ToString("O", CultureInfo.InvariantCulture))).Append("\">").Append(Html.Ago(session.LastActivity, now))
                .Append("</td><td class=\"num\">").Append(approvals > 0 ? "<span class=\"badge b-awaitingApproval\">" + approvals.ToString(CultureInfo.InvariantCulture) + "</span>" : "0")
                .Append("</td><td>");
            foreach (var flag in session.Flags)
            {
                html.Append("<span class=\"flag\">").Append(Html.E(flag)).Append("</span> ");
            }

            html.Append("</td><td>").Append(Html.E(session.Identity ?? "not checked")).Append("</td><td>").Append(Trend(session.Sentiment)).Append("</td></tr>");
        }

        return html.ToString();
    }

    /// <summary>The last score and the direction since the first of the window, e.g. <c>-0.50 ↓</c>, with every score in the title.</summary>
    public static string Trend(string? trend)
    {
        if (string.IsNullOrEmpty(trend))
        {
            return "-";
        }

        var scores = trend.Split(',').Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        var last = scores[^1];
        var arrow = scores.Length < 2 ? string.Empty : last > scores[0] + 0.05 ? " ↑" : last < scores[0] - 0.05 ? " ↓" : " →";
        var css = last < -0.2 ? "neg" : last > 0.2 ? "pos" : "neu";
        return $"<span class=\"sent {css}\" title=\"lexicon scores, oldest first: {Html.E(trend)}\">{last.ToString("0.00", CultureInfo.InvariantCulture)}{arrow}</span>";
    }
}
