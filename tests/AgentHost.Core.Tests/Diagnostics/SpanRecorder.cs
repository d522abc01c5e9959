using System.Collections.Concurrent;
using System.Diagnostics;
using AgentHost.Core.Diagnostics;

namespace AgentHost.Core.Tests.Diagnostics;

/// <summary>
/// Records the AgentHost spans of one test: listens to the AgentHost source (process-wide) and keeps only the spans of the
/// trace of a root activity the test starts, so tests running in parallel do not see each other's spans.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("AgentHost.Core.Tests");
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is AgentHostTelemetry.SourceName or "AgentHost.Core.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Root is { } root && activity.TraceId == root.TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        Root = TestSource.StartActivity("test root");
    }

    /// <summary>The test's root span: current on the test's flow, so the product's spans become its descendants.</summary>
    public Activity? Root { get; }

    public IReadOnlyList<Activity> Spans => [.. _stopped];

    public Activity Single(string name) => Assert.Single(Spans, s => s.DisplayName == name);

    public void Dispose()
    {
        Root?.Dispose();
        _listener.Dispose();
    }
}
