using System.Diagnostics;

namespace AgentHost.Telemetry.Propagation;

/// <summary>
/// The trace context propagation of AgentHost: W3C <c>traceparent</c>/<c>tracestate</c> and <c>baggage</c>, and the AWS X-Ray
/// header <c>X-Amzn-Trace-Id</c>. Reading: <c>traceparent</c> first, <c>X-Amzn-Trace-Id</c> when there is none (AgentCore
/// Runtime and Lambda pass it). Writing (outgoing HTTP requests: MCP gateways, Bedrock, DynamoDB): both, so that W3C and X-Ray
/// backends see the same trace. Installed as <see cref="DistributedContextPropagator.Current"/> (HttpClient) and in the
/// service container (ASP.NET Core) when telemetry export is enabled.
/// </summary>
public sealed class AgentHostPropagator : DistributedContextPropagator
{
    private static readonly DistributedContextPropagator W3C = CreateW3CPropagator();
    private static readonly string[] AllFields = [.. W3C.Fields, AwsXRayTraceHeader.HeaderName];

    /// <summary>The shared instance.</summary>
    public static AgentHostPropagator Instance { get; } = new();

    /// <inheritdoc />
    public override IReadOnlyCollection<string> Fields => AllFields;

    /// <inheritdoc />
    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        W3C.Inject(activity, carrier, setter);
        if (activity is null || setter is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return;
        }

        setter(carrier, AwsXRayTraceHeader.HeaderName, AwsXRayTraceHeader.Format(activity.TraceId, activity.SpanId, activity.Recorded));
    }

    /// <inheritdoc />
    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        W3C.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
        if (traceId is not null || getter is null)
        {
            return;
        }

        getter(carrier, AwsXRayTraceHeader.HeaderName, out var header, out var headers);
        header ??= headers?.FirstOrDefault();
        if (AwsXRayTraceHeader.TryParse(header, out var context))
        {
            traceId = AwsXRayTraceHeader.ToTraceParent(context);
            traceState = null;
        }
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        W3C.ExtractBaggage(carrier, getter);
}
