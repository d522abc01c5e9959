using System.Diagnostics.Metrics;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Diagnostics;

namespace AgentHost.Telemetry.Metrics;

/// <summary>The <c>agenthost.approvals.pending</c> gauge: the sum of every registered <see cref="IPendingApprovalsSource"/> (no gauge when none is registered).</summary>
internal sealed class PendingApprovalsGauge : IDisposable
{
    private readonly Meter _meter = new(AgentHostTelemetry.MeterName);

    public PendingApprovalsGauge(IEnumerable<IPendingApprovalsSource> sources)
    {
        var all = sources.ToArray();
        if (all.Length == 0)
        {
            return;
        }

        _meter.CreateObservableGauge("agenthost.approvals.pending", () => all.Sum(s => s.CountPending()), "{approval}", "Tool-call approvals waiting for a decision.");
    }

    public void Dispose() => _meter.Dispose();
}
