using System.Diagnostics.Metrics;

namespace AgentHost.Core.Diagnostics;

/// <summary>
/// The agent's instruments (meter <see cref="AgentHostTelemetry.MeterName"/>). The model call metrics
/// (<c>gen_ai.client.token.usage</c>, <c>gen_ai.client.operation.duration</c>, <c>gen_ai.client.operation.time_to_first_chunk</c>)
/// come from M.E.AI's chat client on the model pipeline.
/// </summary>
internal static class AgentHostMetrics
{
    /// <summary>Bucket boundaries in seconds, those the GenAI conventions advise for operation durations.</summary>
    private static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>Store operations are faster: from 0.5 ms.</summary>
    private static readonly double[] StoreBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly Histogram<double> TurnDuration = AgentHostTelemetry.Meter.CreateHistogram<double>(
        "gen_ai.invoke_agent.duration", "s", "Duration of agent turns (invoke_agent), by stop reason.", advice: new() { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> Turns = AgentHostTelemetry.Meter.CreateCounter<long>(
        "agenthost.turns", "{turn}", "Turns run, by stop reason.");

    public static readonly Histogram<double> ToolDuration = AgentHostTelemetry.Meter.CreateHistogram<double>(
        "gen_ai.execute_tool.duration", "s", "Duration of tool calls (execute_tool), by tool and status.", advice: new() { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> ToolFlags = AgentHostTelemetry.Meter.CreateCounter<long>(
        "agenthost.tool.flags", "{flag}", "Markers set on tool calls by middleware (e.g. sanitisation findings), by marker.");

    public static readonly Histogram<double> StoreDuration = AgentHostTelemetry.Meter.CreateHistogram<double>(
        "agenthost.store.operation.duration", "s", "Duration of conversation store operations, by operation.", advice: new() { HistogramBucketBoundaries = StoreBuckets });
}
