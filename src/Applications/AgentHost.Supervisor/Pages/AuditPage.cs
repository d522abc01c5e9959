using System.Globalization;
using System.Text;
using AgentHost.Abstractions.Control;

namespace AgentHost.Supervisor.Pages;

/// <summary>A session's audit trail (auditors): every record with its actor, and whether the hash chain verifies.</summary>
internal static class AuditPage
{
    public static string Body(string sessionId, IReadOnlyList<AuditRecord> records, string verification)
    {
        var html = new StringBuilder(4096);
        html.Append("<h1>Audit trail <code>").Append(Html.E(sessionId)).Append("</code></h1><p id=\"verification\">").Append(Html.E(verification)).Append("</p>")
            .Append("<table><thead><tr><th>#</th><th>Time</th><th>Kind</th><th>Actor</th><th>Tool</th><th>Status</th><th>Summary</th></tr></thead><tbody>");
        foreach (var record in records)
        {
            html.Append("<tr><td>").Append(record.Sequence.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Html.Time(record.At)).Append("</td><td>")
                .Append(Html.E(record.Kind)).Append("</td><td>").Append(Html.E(record.Actor)).Append("</td><td>").Append(Html.E(record.ToolName)).Append("</td><td>")
                .Append(Html.E(record.Status)).Append("</td><td>").Append(Html.E(record.Summary)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
