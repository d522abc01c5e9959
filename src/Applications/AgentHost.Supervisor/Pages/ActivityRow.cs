using System.Globalization;
using System.Text;
using AgentHost.Abstractions.Supervision;

namespace AgentHost.Supervisor.Pages;

/// <summary>One transcript row per activity event (already masked by the host: the feed never holds raw tool values).</summary>
internal static class ActivityRow
{
    public static string Render(ActivityEvent activity)
    {
        var html = new StringBuilder(256);
        html.Append("<li class=\"ev ev-").Append(Html.E(activity.Kind)).Append(activity.Role is null ? string.Empty : " role-" + Html.E(activity.Role))
            .Append("\" data-seq=\"").Append(activity.Sequence.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-kind=\"").Append(Html.E(activity.Kind)).Append("\"><time>").Append(Html.Time(activity.At)).Append("</time> ");
        switch (activity.Kind)
        {
            case ActivityKinds.TurnStarted:
                html.Append("<span class=\"sep\">turn started</span>");
                break;
            case ActivityKinds.Message:
                html.Append("<b>").Append(activity.Role == "customer" ? "Customer" : "Agent").Append("</b> <span class=\"text\">").Append(Html.E(activity.Text)).Append("</span>");
                break;
            case ActivityKinds.ToolCallStarted:
                html.Append("<span class=\"tool\">⚙ ").Append(Html.E(activity.ToolName)).Append("</span> <code>").Append(Html.E(activity.Summary)).Append("</code> <span class=\"muted\">running…</span>");
                break;
            case ActivityKinds.ToolCallFinished:
                html.Append("<span class=\"tool\">⚙ ").Append(Html.E(activity.ToolName)).Append("</span> → <span class=\"status st-").Append(Html.E(activity.Status)).Append("\">").Append(Html.E(activity.Status)).Append("</span>");
                if (activity.DurationMs is { } ms)
                {
                    html.Append(CultureInfo.InvariantCulture, $" <span class=\"muted\">{ms:0} ms</span>");
                }

                html.Append(" <code title=\"redacted result; hash ").Append(Html.E(activity.Hash)).Append("\">").Append(Html.E(activity.Summary)).Append("</code>");
                foreach (var flag in activity.Flags ?? [])
                {
                    html.Append(" <span class=\"flag\">").Append(Html.E(flag)).Append("</span>");
                }

                break;
            case ActivityKinds.ApprovalRequested:
                html.Append("<span class=\"approval\">⏸ approval needed for ").Append(Html.E(activity.ToolName)).Append(" (").Append(Html.E(activity.Details?.GetValueOrDefault("requestId"))).Append(")</span>");
                break;
            case ActivityKinds.ApprovalDecided:
                html.Append("<span class=\"approval\">").Append(Html.E(activity.Status)).Append(" by ").Append(Html.E(activity.Role)).Append(": ").Append(Html.E(activity.Details?.GetValueOrDefault("requestId"))).Append("</span>");
                break;
            case ActivityKinds.GuidanceAdded:
                html.Append("<b>Supervisor</b> <span class=\"text\">").Append(Html.E(activity.Text)).Append("</span> <span class=\"muted\">(guidance from ").Append(Html.E(activity.Details?.GetValueOrDefault("author"))).Append(", pending)</span>");
                break;
            case ActivityKinds.GuidanceApplied:
                html.Append("<b>Supervisor</b> <span class=\"text\">").Append(Html.E(activity.Text)).Append("</span> <span class=\"muted\">(guidance applied to the next answer; the customer does not see it)</span>");
                break;
            case ActivityKinds.Escalated:
                html.Append("<span class=\"escalated\">⇪ escalated").Append(activity.Role is null ? string.Empty : " by " + Html.E(activity.Role)).Append(string.IsNullOrEmpty(activity.Text) ? string.Empty : ": " + Html.E(activity.Text)).Append("</span>");
                break;
            case ActivityKinds.TurnFinished:
                html.Append("<span class=\"sep\">turn finished: ").Append(Html.E(activity.Status)).Append("</span>");
                if (!string.IsNullOrEmpty(activity.Text))
                {
                    html.Append(" <span class=\"error\">").Append(Html.E(activity.Text)).Append("</span>");
                }

                break;
            default:
                html.Append("<span class=\"muted\">").Append(Html.E(activity.Kind)).Append(' ').Append(Html.E(activity.Text)).Append("</span>");
                break;
        }

        return html.Append("</li>").ToString();
    }
}
