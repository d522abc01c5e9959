using System.Diagnostics;

namespace AgentHost.Telemetry.Propagation;

/// <summary>
/// The AWS X-Ray trace header <c>X-Amzn-Trace-Id</c>: <c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>.
/// The root's 8 + 24 hex digits are the W3C trace id; <c>Parent</c> is the span id; <c>Sampled=1</c> sets the sampled flag.
/// </summary>
public static class AwsXRayTraceHeader
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "X-Amzn-Trace-Id";

    /// <summary>
    /// Parses the header into a remote parent context. Fails (returns false) without a valid <c>Root</c> and <c>Parent</c>: a
    /// root alone names no parent span, so the trace cannot be continued under it.
    /// </summary>
    public static bool TryParse(string? header, out ActivityContext context)
    {
        context = default;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        ReadOnlySpan<char> root = default, parent = default;
        var sampled = false;
        foreach (var range in header.AsSpan().Split(';'))
        {
            var part = header.AsSpan(range).Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.Equals("Root", StringComparison.OrdinalIgnoreCase))
            {
                root = value;
            }
            else if (key.Equals("Parent", StringComparison.OrdinalIgnoreCase))
            {
                parent = value;
            }
            else if (key.Equals("Sampled", StringComparison.OrdinalIgnoreCase))
            {
                sampled = value.SequenceEqual("1");
            }
        }

        // Root = "1-" + 8 hex (epoch seconds) + "-" + 24 hex.
        if (root.Length != 35 || root[0] != '1' || root[1] != '-' || root[10] != '-' || parent.Length != 16)
        {
            return false;
        }

        Span<char> traceId = stackalloc char[32];
        root.Slice(2, 8).CopyTo(traceId);
        root.Slice(11, 24).CopyTo(traceId[8..]);
        if (!IsLowerHex(traceId) || !IsLowerHex(parent) || traceId.IndexOfAnyExcept('0') < 0 || parent.IndexOfAnyExcept('0') < 0)
        {
            return false;
        }

        context = new ActivityContext(
            ActivityTraceId.CreateFromString(traceId),
            ActivitySpanId.CreateFromString(parent),
            sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
            traceState: null,
            isRemote: true);
        return true;
    }

    /// <summary>Formats a trace id, span id and sampled flag as the header's value.</summary>
    public static string Format(ActivityTraceId traceId, ActivitySpanId spanId, bool sampled)
    {
        var trace = traceId.ToHexString();
        return $"Root=1-{trace.AsSpan(0, 8)}-{trace.AsSpan(8)};Parent={spanId.ToHexString()};Sampled={(sampled ? '1' : '0')}";
    }

    /// <summary>The W3C <c>traceparent</c> value of a context: <c>00-{trace id}-{span id}-{flags}</c>.</summary>
    public static string ToTraceParent(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
