using System.Text;

namespace AgentHost.Aws.Signing;

/// <summary>Builds the canonical URI, query and headers of a SigV4 canonical request.</summary>
internal static class SigV4Canonicalizer
{
    public static string CanonicalPath(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        if (normalize)
        {
            path = NormalizePath(path);
        }

        var segments = path.Split('/');
        var builder = new StringBuilder(path.Length + 16);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            UriEncode(builder, segments[i]);
        }

        return builder.ToString();
    }

    public static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add((Encode(Uri.UnescapeDataString(key)), Encode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(static p => p.Key + "=" + p.Value));
    }

    /// <summary>Returns the canonical header block (each line ends with a newline) and the signed header list.</summary>
    public static (string Canonical, string Signed) CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var trimmed = CollapseWhitespace(value);
            map[key] = map.TryGetValue(key, out var existing) ? existing + "," + trimmed : trimmed;
        }

        var canonical = new StringBuilder();
        foreach (var (name, value) in map)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', map.Keys));
    }

    private static string NormalizePath(string path)
    {
        var stack = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                continue;
            }

            stack.Add(segment);
        }

        if (stack.Count == 0)
        {
            return "/";
        }

        var trailing = path.EndsWith('/') ? "/" : string.Empty;
        return "/" + string.Join('/', stack) + trailing;
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        UriEncode(builder, value);
        return builder.ToString();
    }

    private static void UriEncode(StringBuilder builder, string value)
    {
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsUnreserved((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var written = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < written; i++)
            {
                builder.Append('%').Append(buffer[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsUnreserved(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
}
