using System.Diagnostics;

namespace AgentHost.Core.Diagnostics;

/// <summary>The <c>store.*</c> spans and the store latency metric.</summary>
internal static class StoreTelemetry
{
    /// <summary>Starts a store operation's span, or returns null when nobody listens.</summary>
    public static Activity? Start(string operation, string storeType, string sessionId)
    {
        var source = AgentHostTelemetry.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity("store." + operation, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAIAttributes.StoreOperation, operation);
            activity.SetTag(GenAIAttributes.StoreType, storeType);
            activity.SetTag(GenAIAttributes.ConversationId, sessionId);
        }

        return activity;
    }

    /// <summary>Ends the span and records the duration; <paramref name="error"/> names the failure (type only).</summary>
    public static void Finish(Activity? activity, string operation, TimeSpan duration, Exception? error, string? outcome = null)
    {
        string? errorType = error is null ? null : error.GetType().FullName ?? error.GetType().Name;
        if (activity is not null)
        {
            activity.SetTag(GenAIAttributes.StoreOutcome, outcome);
            if (errorType is not null)
            {
                activity.SetTag(GenAIAttributes.ErrorType, errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        if (AgentHostMetrics.StoreDuration.Enabled)
        {
            var tags = new TagList { { GenAIAttributes.StoreOperation, operation } };
            if (errorType is not null)
            {
                tags.Add(GenAIAttributes.ErrorType, errorType);
            }

            AgentHostMetrics.StoreDuration.Record(duration.TotalSeconds, tags);
        }
    }
}
