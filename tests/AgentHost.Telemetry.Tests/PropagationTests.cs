using System.Diagnostics;
using AgentHost.Telemetry.Propagation;

namespace AgentHost.Telemetry.Tests;

public sealed class PropagationTests
{
    [Fact]
    public void TryParse_AwsXRayHeader_GivesTheW3CTraceIdParentAndSampledFlag()
    {
        Assert.True(AwsXRayTraceHeader.TryParse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", out var context));

        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.True(context.IsRemote);
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0", false)]
    [InlineData(" Sampled=1 ; Lineage=a87bd80c:1|68fd508a:5 ; Parent=53995c3f42cd8ad8; Root=1-5759e988-bd862e3fe1be46a994272793", true)]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8", false)]
    public void TryParse_FieldsInAnyOrder_ReadsTheSampledFlag(string header, bool sampled)
    {
        Assert.True(AwsXRayTraceHeader.TryParse(header, out var context));
        Assert.Equal(sampled, context.TraceFlags == ActivityTraceFlags.Recorded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-5759E988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-00000000-000000000000000000000000;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000")]
    [InlineData("Self=1-5759e988-bd862e3fe1be46a994272793")]
    public void TryParse_InvalidOrWithoutParent_Fails(string? header)
    {
        Assert.False(AwsXRayTraceHeader.TryParse(header, out _));
    }

    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();

        var header = AwsXRayTraceHeader.Format(traceId, spanId, sampled: true);

        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", header);
        Assert.True(AwsXRayTraceHeader.TryParse(header, out var context));
        Assert.Equal(traceId, context.TraceId);
        Assert.Equal(spanId, context.SpanId);
    }

    [Fact]
    public void ExtractTraceIdAndState_TraceparentAndXRay_PrefersTraceparent()
    {
        var headers = new Dictionary<string, string>
        {
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ["X-Amzn-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        };

        AgentHostPropagator.Instance.ExtractTraceIdAndState(headers, Get, out var traceId, out _);

        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", traceId);
    }

    [Fact]
    public void ExtractTraceIdAndState_XRayOnly_ConvertsToTraceparent()
    {
        var headers = new Dictionary<string, string> { ["X-Amzn-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1" };

        AgentHostPropagator.Instance.ExtractTraceIdAndState(headers, Get, out var traceId, out var traceState);

        Assert.Equal("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01", traceId);
        Assert.Null(traceState);
    }

    [Fact]
    public void ExtractBaggage_BaggageHeader_ReturnsItsEntries()
    {
        var headers = new Dictionary<string, string> { ["baggage"] = "tenant=acme,region=eu" };

        var baggage = AgentHostPropagator.Instance.ExtractBaggage(headers, Get)?.ToDictionary(p => p.Key, p => p.Value);

        Assert.NotNull(baggage);
        Assert.Equal("acme", baggage["tenant"]);
    }

    [Fact]
    public void Inject_Activity_WritesTraceparentAndXRayHeaderForTheSameSpan()
    {
        using var activity = new Activity("outgoing").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        var headers = new Dictionary<string, string>();

        AgentHostPropagator.Instance.Inject(activity, headers, (carrier, name, value) => ((Dictionary<string, string>)carrier!)[name] = value);

        Assert.Equal($"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-01", headers["traceparent"]);
        Assert.True(AwsXRayTraceHeader.TryParse(headers["X-Amzn-Trace-Id"], out var context));
        Assert.Equal(activity.TraceId, context.TraceId);
        Assert.Equal(activity.SpanId, context.SpanId);
        Assert.Contains("X-Amzn-Trace-Id", AgentHostPropagator.Instance.Fields);
    }

    private static void Get(object? carrier, string name, out string? value, out IEnumerable<string>? values)
    {
        values = null;
        value = ((Dictionary<string, string>)carrier!).TryGetValue(name, out var found) ? found : null;
    }
}
