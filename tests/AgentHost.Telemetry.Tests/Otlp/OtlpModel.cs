namespace AgentHost.Telemetry.Tests.Otlp;

/// <summary>An exported span, decoded from <c>ExportTraceServiceRequest</c>.</summary>
internal sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    string Scope,
    IReadOnlyDictionary<string, object?> Attributes,
    int StatusCode,
    string StatusMessage,
    IReadOnlyDictionary<string, object?> Resource)
{
    public string? Tag(string key) => Attributes.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>One data point of an exported metric: its attributes and value (sum, gauge) or count and sum (histogram).</summary>
internal sealed record OtlpPoint(IReadOnlyDictionary<string, object?> Attributes, double Value, ulong Count);

/// <summary>An exported metric.</summary>
internal sealed record OtlpMetric(string Name, string Unit, string Scope, string Kind, IReadOnlyList<OtlpPoint> Points);

/// <summary>An exported log record: its body and attributes.</summary>
internal sealed record OtlpLog(string Body, IReadOnlyDictionary<string, object?> Attributes, string TraceId);
