using System.Diagnostics;
using AgentHost.Abstractions.Agents;

namespace AgentHost.Core.Diagnostics;

/// <summary>The <c>invoke_agent</c> span and the turn metrics.</summary>
internal static class TurnTelemetry
{
    private const string InvokeAgent = "invoke_agent";

    /// <summary>Starts the turn's span (the current activity is its parent), or returns null when nobody listens.</summary>
    public static Activity? Start(string agentName, string? providerName, string? model, string sessionId, string turnId, string? channel)
    {
        var source = AgentHostTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity(InvokeAgent + " " + agentName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAIAttributes.OperationName, InvokeAgent);
            activity.SetTag(GenAIAttributes.ProviderName, providerName);
            activity.SetTag(GenAIAttributes.AgentName, agentName);
            activity.SetTag(GenAIAttributes.RequestModel, model);
            activity.SetTag(GenAIAttributes.ConversationId, sessionId);
            activity.SetTag(GenAIAttributes.TurnId, turnId);
            activity.SetTag(GenAIAttributes.Channel, channel);
        }

        return activity;
    }

    /// <summary>Records a turn that ran (or was replayed) with its outcome on the span and, unless replayed, in the metrics.</summary>
    public static void Finish(Activity? activity, string agentName, string? providerName, TurnOutcome outcome, bool replayed, TimeSpan duration)
    {
        var stopReason = outcome.StopReason.ToWireName();
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAIAttributes.StopReason, stopReason);
            activity.SetTag(GenAIAttributes.Cycles, outcome.Cycles);
            activity.SetTag(GenAIAttributes.TurnToolCalls, outcome.ToolCalls.Count);
            activity.SetTag(GenAIAttributes.InputTokens, outcome.Usage.InputTokens);
            activity.SetTag(GenAIAttributes.OutputTokens, outcome.Usage.OutputTokens);
            if (replayed)
            {
                activity.SetTag(GenAIAttributes.Replayed, true);
            }

            if (outcome.StopReason == StopReason.Error)
            {
                if (activity.GetTagItem(GenAIAttributes.ErrorType) is null)
                {
                    activity.SetTag(GenAIAttributes.ErrorType, "_OTHER");
                }

                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        if (!replayed)
        {
            Record(agentName, providerName, stopReason, outcome.StopReason == StopReason.Error ? "_OTHER" : null, duration);
        }
    }

    /// <summary>Records a turn that failed with an exception (the store, a conflict): error on the span and in the metrics.</summary>
    public static void Fail(Activity? activity, string agentName, string? providerName, Exception exception, TimeSpan duration)
    {
        var errorType = exception.GetType().FullName ?? exception.GetType().Name;
        if (activity is not null)
        {
            activity.SetTag(GenAIAttributes.ErrorType, errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }

        Record(agentName, providerName, StopReason.Error.ToWireName(), errorType, duration);
    }

    /// <summary>Names the exception that ended a turn with <see cref="StopReason.Error"/> on the current <c>invoke_agent</c> span (type only, never the message).</summary>
    public static void RecordLoopFailure(Exception exception)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, AgentHostTelemetry.Source) && activity.GetTagItem(GenAIAttributes.OperationName) as string == InvokeAgent)
        {
            activity.SetTag(GenAIAttributes.ErrorType, exception.GetType().FullName ?? exception.GetType().Name);
        }
    }

    private static void Record(string agentName, string? providerName, string stopReason, string? errorType, TimeSpan duration)
    {
        if (!AgentHostMetrics.Turns.Enabled && !AgentHostMetrics.TurnDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { GenAIAttributes.OperationName, InvokeAgent },
            { GenAIAttributes.AgentName, agentName },
            { GenAIAttributes.StopReason, stopReason },
        };
        if (providerName is not null)
        {
            tags.Add(GenAIAttributes.ProviderName, providerName);
        }

        if (errorType is not null)
        {
            tags.Add(GenAIAttributes.ErrorType, errorType);
        }

        AgentHostMetrics.Turns.Add(1, tags);
        AgentHostMetrics.TurnDuration.Record(duration.TotalSeconds, tags);
    }
}
