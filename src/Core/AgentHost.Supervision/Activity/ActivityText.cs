using System.Globalization;
using System.Text;
using AgentHost.Abstractions.Supervision;

namespace AgentHost.Supervision.Activity;

/// <summary>One line of text per activity event, for <c>agenthost sessions watch</c> and logs of tests (already masked: events never hold raw values).</summary>
public static class ActivityText
{
    /// <summary>The line, e.g. <c>09:12:03 tool lookup(amount=2) → success 12 ms</c>.</summary>
    public static string Line(ActivityEvent activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var line = new StringBuilder();
        line.Append(activity.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ');
        switch (activity.Kind)
        {
            case ActivityKinds.TurnStarted:
                line.Append("── turn ").Append(activity.TurnId).Append(" started");
                break;
            case ActivityKinds.Message:
                line.Append(activity.Role == "customer" ? "customer> " : "agent> ").Append(activity.Text);
                break;
            case ActivityKinds.ToolCallStarted:
                line.Append("tool ").Append(activity.ToolName).Append('(').Append(activity.Summary).Append(") …");
                break;
            case ActivityKinds.ToolCallFinished:
                line.Append("tool ").Append(activity.ToolName).Append(" → ").Append(activity.Status);
                if (activity.DurationMs is { } ms)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {ms:0} ms");
                }

                if (!string.IsNullOrEmpty(activity.Summary))
                {
                    line.Append(": ").Append(activity.Summary);
                }

                if (activity.Flags is { Count: > 0 } flags)
                {
                    line.Append(" [").Append(string.Join(", ", flags)).Append(']');
                }

                break;
            case ActivityKinds.ApprovalRequested:
                line.Append("approval needed for ").Append(activity.ToolName).Append(": ").Append(activity.Details?.GetValueOrDefault("requestId"));
                break;
            case ActivityKinds.ApprovalDecided:
                line.Append("approval ").Append(activity.Details?.GetValueOrDefault("requestId")).Append(' ').Append(activity.Status).Append(" by ").Append(activity.Role);
                break;
            case ActivityKinds.GuidanceAdded:
                line.Append("guidance from ").Append(activity.Details?.GetValueOrDefault("author") ?? "supervisor").Append(" (pending): ").Append(activity.Text);
                break;
            case ActivityKinds.GuidanceApplied:
                line.Append("supervisor> ").Append(activity.Text).Append(" (applied)");
                break;
            case ActivityKinds.Escalated:
                line.Append("ESCALATED").Append(string.IsNullOrEmpty(activity.Text) ? string.Empty : ": " + activity.Text);
                break;
            case ActivityKinds.TurnFinished:
                line.Append("── turn finished: ").Append(activity.Status);
                break;
            default:
                line.Append(activity.Kind).Append(' ').Append(activity.Text);
                break;
        }

        return line.ToString();
    }
}
