using System.Diagnostics;
using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;

namespace AgentHost.Core.Diagnostics;

/// <summary>The <c>execute_tool</c> span and the tool metrics.</summary>
internal static class ToolTelemetry
{
    private const string ExecuteTool = "execute_tool";

    /// <summary>Starts the call's span (a child of the turn's), or returns null when nobody listens.</summary>
    public static Activity? Start(string toolName, string callId, bool resumed)
    {
        var source = AgentHostTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity(ExecuteTool + " " + toolName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAIAttributes.OperationName, ExecuteTool);
            activity.SetTag(GenAIAttributes.ToolName, toolName);
            activity.SetTag(GenAIAttributes.ToolCallId, callId);
            activity.SetTag(GenAIAttributes.ToolType, "function");
            if (resumed)
            {
                activity.SetTag(GenAIAttributes.ToolResumed, true);
            }
        }

        return activity;
    }

    /// <summary>
    /// Records how the call ended: status, error type, flags and the policy decision a middleware recorded (taken out of
    /// <paramref name="items"/>) on the span; duration and flags in the metrics. Arguments and result only when
    /// <see cref="AgentHostTelemetry.CaptureMessageContent"/> is on.
    /// </summary>
    public static void Finish(Activity? activity, IDictionary<string, object?> items, ToolCallRecord record, object? result, TimeSpan duration)
    {
        var (decision, rule) = ToolCallTelemetry.TakePolicyDecision(items, record.CallId);
        var status = record.Status.ToWireName();
        var failed = record.Status is not (ToolCallStatus.Success or ToolCallStatus.Pending);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAIAttributes.ToolStatus, status);
            activity.SetTag(GenAIAttributes.PolicyDecision, decision);
            activity.SetTag(GenAIAttributes.PolicyRule, rule);
            if (record.Flags is { Count: > 0 } flags)
            {
                activity.SetTag(GenAIAttributes.ToolFlags, flags.ToArray());
            }

            if (failed)
            {
                activity.SetTag(GenAIAttributes.ErrorType, status);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            if (AgentHostTelemetry.CaptureMessageContent)
            {
                activity.SetTag(GenAIAttributes.ToolCallArguments, record.Input.ValueKind == JsonValueKind.Undefined ? null : record.Input.GetRawText());
                activity.SetTag(GenAIAttributes.ToolCallResult, ResultText(result));
            }
        }

        if (AgentHostMetrics.ToolDuration.Enabled)
        {
            var tags = new TagList
            {
                { GenAIAttributes.OperationName, ExecuteTool },
                { GenAIAttributes.ToolName, record.Name },
                { GenAIAttributes.ToolStatus, status },
            };
            if (failed)
            {
                tags.Add(GenAIAttributes.ErrorType, status);
            }

            AgentHostMetrics.ToolDuration.Record(duration.TotalSeconds, tags);
        }

        if (record.Flags is { Count: > 0 } recorded && AgentHostMetrics.ToolFlags.Enabled)
        {
            foreach (var flag in recorded)
            {
                AgentHostMetrics.ToolFlags.Add(1, new KeyValuePair<string, object?>(GenAIAttributes.ToolFlag, flag), new KeyValuePair<string, object?>(GenAIAttributes.ToolName, record.Name));
            }
        }
    }

    private static string? ResultText(object? result) => result switch
    {
        null => null,
        string text => text,
        JsonElement json => json.GetRawText(),
        _ => result.ToString(),
    };
}
