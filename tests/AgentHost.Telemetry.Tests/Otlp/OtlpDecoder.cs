using System.Globalization;

namespace AgentHost.Telemetry.Tests.Otlp;

/// <summary>Decodes the OTLP/HTTP protobuf bodies (opentelemetry-proto v1: trace, metrics, logs) into the test's records.</summary>
internal static class OtlpDecoder
{
    public static List<OtlpSpan> DecodeTraces(ReadOnlySpan<byte> body)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtoReader(body);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                ReadResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    public static List<OtlpMetric> DecodeMetrics(ReadOnlySpan<byte> body)
    {
        var metrics = new List<OtlpMetric>();
        var reader = new ProtoReader(body);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                // ResourceMetrics: 2 scope_metrics.
                var resourceMetrics = new ProtoReader(reader.ReadBytes());
                while (resourceMetrics.TryReadTag(out var f, out var w))
                {
                    if (f == 2 && w == 2)
                    {
                        ReadScopeMetrics(resourceMetrics.ReadBytes(), metrics);
                    }
                    else
                    {
                        resourceMetrics.Skip(w);
                    }
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return metrics;
    }

    public static List<OtlpLog> DecodeLogs(ReadOnlySpan<byte> body)
    {
        var logs = new List<OtlpLog>();
        var reader = new ProtoReader(body);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field != 1 || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            var resourceLogs = new ProtoReader(reader.ReadBytes());
            while (resourceLogs.TryReadTag(out var f, out var w))
            {
                if (f != 2 || w != 2)
                {
                    resourceLogs.Skip(w);
                    continue;
                }

                var scopeLogs = new ProtoReader(resourceLogs.ReadBytes());
                while (scopeLogs.TryReadTag(out var sf, out var sw))
                {
                    if (sf == 2 && sw == 2)
                    {
                        logs.Add(ReadLogRecord(scopeLogs.ReadBytes()));
                    }
                    else
                    {
                        scopeLogs.Skip(sw);
                    }
                }
            }
        }

        return logs;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> data, List<OtlpSpan> spans)
    {
        var resource = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new ProtoReader(data);
        var scopeSpans = new List<byte[]>();
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                var resourceReader = new ProtoReader(reader.ReadBytes());
                while (resourceReader.TryReadTag(out var f, out var w))
                {
                    if (f == 1 && w == 2)
                    {
                        ReadKeyValue(resourceReader.ReadBytes(), resource);
                    }
                    else
                    {
                        resourceReader.Skip(w);
                    }
                }
            }
            else if (field == 2 && wire == 2)
            {
                scopeSpans.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        foreach (var scope in scopeSpans)
        {
            var scopeReader = new ProtoReader(scope);
            var scopeName = string.Empty;
            while (scopeReader.TryReadTag(out var field, out var wire))
            {
                if (field == 1 && wire == 2)
                {
                    scopeName = ReadScopeName(scopeReader.ReadBytes());
                }
                else if (field == 2 && wire == 2)
                {
                    spans.Add(ReadSpan(scopeReader.ReadBytes(), scopeName, resource));
                }
                else
                {
                    scopeReader.Skip(wire);
                }
            }
        }
    }

    private static OtlpSpan ReadSpan(ReadOnlySpan<byte> data, string scope, IReadOnlyDictionary<string, object?> resource)
    {
        string traceId = string.Empty, spanId = string.Empty, parent = string.Empty, name = string.Empty, statusMessage = string.Empty;
        int kind = 0, statusCode = 0;
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 2 when wire == 2: spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 4 when wire == 2: parent = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 5 when wire == 2: name = reader.ReadString(); break;
                case 6 when wire == 0: kind = (int)reader.ReadVarint(); break;
                case 9 when wire == 2: ReadKeyValue(reader.ReadBytes(), attributes); break;
                case 15 when wire == 2:
                    var status = new ProtoReader(reader.ReadBytes());
                    while (status.TryReadTag(out var f, out var w))
                    {
                        if (f == 2 && w == 2)
                        {
                            statusMessage = status.ReadString();
                        }
                        else if (f == 3 && w == 0)
                        {
                            statusCode = (int)status.ReadVarint();
                        }
                        else
                        {
                            status.Skip(w);
                        }
                    }

                    break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, kind, scope, attributes, statusCode, statusMessage, resource);
    }

    private static void ReadScopeMetrics(ReadOnlySpan<byte> data, List<OtlpMetric> metrics)
    {
        var reader = new ProtoReader(data);
        var scope = string.Empty;
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                scope = ReadScopeName(reader.ReadBytes());
            }
            else if (field == 2 && wire == 2)
            {
                metrics.Add(ReadMetric(reader.ReadBytes(), scope));
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static OtlpMetric ReadMetric(ReadOnlySpan<byte> data, string scope)
    {
        string name = string.Empty, unit = string.Empty, kind = string.Empty;
        var points = new List<OtlpPoint>();
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: name = reader.ReadString(); break;
                case 3 when wire == 2: unit = reader.ReadString(); break;
                case 5 when wire == 2: kind = "gauge"; ReadPoints(reader.ReadBytes(), histogram: false, points); break;
                case 7 when wire == 2: kind = "sum"; ReadPoints(reader.ReadBytes(), histogram: false, points); break;
                case 9 when wire == 2: kind = "histogram"; ReadPoints(reader.ReadBytes(), histogram: true, points); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpMetric(name, unit, scope, kind, points);
    }

    /// <summary>Gauge / Sum / Histogram: field 1 holds the data points.</summary>
    private static void ReadPoints(ReadOnlySpan<byte> data, bool histogram, List<OtlpPoint> points)
    {
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field != 1 || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            double value = 0;
            ulong count = 0;
            var point = new ProtoReader(reader.ReadBytes());
            while (point.TryReadTag(out var f, out var w))
            {
                if (histogram)
                {
                    switch (f)
                    {
                        case 9 when w == 2: ReadKeyValue(point.ReadBytes(), attributes); break;
                        case 4 when w == 1: count = point.ReadFixed64(); break;
                        case 5 when w == 1: value = point.ReadDouble(); break;
                        default: point.Skip(w); break;
                    }
                }
                else
                {
                    switch (f)
                    {
                        case 7 when w == 2: ReadKeyValue(point.ReadBytes(), attributes); break;
                        case 4 when w == 1: value = point.ReadDouble(); break;
                        case 6 when w == 1: value = unchecked((long)point.ReadFixed64()); break;
                        default: point.Skip(w); break;
                    }
                }
            }

            points.Add(new OtlpPoint(attributes, value, count));
        }
    }

    private static OtlpLog ReadLogRecord(ReadOnlySpan<byte> data)
    {
        var body = string.Empty;
        var traceId = string.Empty;
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 5 when wire == 2: body = Convert.ToString(ReadAnyValue(reader.ReadBytes()), CultureInfo.InvariantCulture) ?? string.Empty; break;
                case 6 when wire == 2: ReadKeyValue(reader.ReadBytes(), attributes); break;
                case 9 when wire == 2: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpLog(body, attributes, traceId);
    }

    private static string ReadScopeName(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                return reader.ReadString();
            }

            reader.Skip(wire);
        }

        return string.Empty;
    }

    private static void ReadKeyValue(ReadOnlySpan<byte> data, Dictionary<string, object?> into)
    {
        var key = string.Empty;
        object? value = null;
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                key = reader.ReadString();
            }
            else if (field == 2 && wire == 2)
            {
                value = ReadAnyValue(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        into[key] = value;
    }

    /// <summary>AnyValue: 1 string, 2 bool, 3 int, 4 double, 5 array; arrays become string arrays.</summary>
    private static object? ReadAnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        object? value = null;
        while (reader.TryReadTag(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2: value = reader.ReadString(); break;
                case 2 when wire == 0: value = reader.ReadVarint() != 0; break;
                case 3 when wire == 0: value = unchecked((long)reader.ReadVarint()); break;
                case 4 when wire == 1: value = reader.ReadDouble(); break;
                case 5 when wire == 2:
                    var items = new List<string>();
                    var array = new ProtoReader(reader.ReadBytes());
                    while (array.TryReadTag(out var f, out var w))
                    {
                        if (f == 1 && w == 2)
                        {
                            items.Add(Convert.ToString(ReadAnyValue(array.ReadBytes()), CultureInfo.InvariantCulture) ?? string.Empty);
                        }
                        else
                        {
                            array.Skip(w);
                        }
                    }

                    value = items.ToArray();
                    break;
                default: reader.Skip(wire); break;
            }
        }

        return value;
    }
}
