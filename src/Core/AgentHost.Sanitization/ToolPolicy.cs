using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization;

/// <summary>The effective settings for one tool: injection on/off, the kinds of personal data masked, the fields passed through.</summary>
internal sealed class ToolPolicy
{
    private readonly HashSet<string> _allowedNames;
    private readonly string[] _allowedPaths;

    private ToolPolicy(bool injection, int piiKinds, IEnumerable<string> allowFields)
    {
        Injection = injection;
        PiiKinds = piiKinds;
        var fields = allowFields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToArray();
        _allowedNames = new HashSet<string>(fields.Where(f => !f.StartsWith('$')), StringComparer.OrdinalIgnoreCase);
        _allowedPaths = [.. fields.Where(f => f.StartsWith('$'))];
    }

    /// <summary>Whether injections are removed.</summary>
    public bool Injection { get; }

    /// <summary>The kinds masked (bits of <see cref="PiiDetector.Bit"/>).</summary>
    public int PiiKinds { get; }

    /// <summary>Whether a JSON path allow-list is configured (paths must then be computed).</summary>
    public bool HasAllowedPaths => _allowedPaths.Length > 0;

    /// <summary>Whether anything is done at all.</summary>
    public bool Active => Injection || PiiKinds != 0;

    /// <summary>Whether the field with this property name and path passes through unmasked.</summary>
    public bool Allows(string? propertyName, string? path)
    {
        if (propertyName is not null && _allowedNames.Contains(propertyName))
        {
            return true;
        }

        if (_allowedPaths.Length == 0 || path is null)
        {
            return false;
        }

        var current = path;
        foreach (var pattern in _allowedPaths)
        {
            if (PathMatches(pattern, current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Resolves the policy of <paramref name="toolName"/> from the options.</summary>
    public static ToolPolicy Resolve(SanitizationOptions options, string? toolName)
    {
        var tool = Find(options.Tools, toolName);
        var injection = options.Enabled && (tool?.Injection ?? options.Injection.Enabled);
        var pii = options.Enabled && (tool?.Pii ?? options.Pii.Enabled);
        var kinds = pii ? PiiDetector.Bits(tool?.PiiKinds ?? options.Pii.Kinds ?? Enum.GetValues<PiiKind>()) : 0;
        if (tool is not null)
        {
            kinds &= ~PiiDetector.Bits(tool.AllowPiiKinds);
        }

        return new ToolPolicy(injection, kinds, tool?.AllowFields ?? []);
    }

    private static ToolSanitizationOptions? Find(IDictionary<string, ToolSanitizationOptions> tools, string? toolName)
    {
        if (tools.Count == 0 || string.IsNullOrEmpty(toolName))
        {
            return null;
        }

        if (tools.TryGetValue(toolName, out var exact))
        {
            return exact;
        }

        ToolSanitizationOptions? best = null;
        var bestLength = -1;
        foreach (var (pattern, settings) in tools)
        {
            if (pattern.Length > bestLength && (pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal))
                && Glob.Matches(pattern, toolName))
            {
                best = settings;
                bestLength = pattern.Length;
            }
        }

        return best;
    }

    // "$.accounts[*].number" matches "$.accounts[3].number".
    private static bool PathMatches(string pattern, string path)
    {
        if (string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int p = 0, q = 0;
        while (p < pattern.Length && q < path.Length)
        {
            if (pattern[p] == '[' && p + 2 < pattern.Length && pattern[p + 1] == '*' && pattern[p + 2] == ']' && path[q] == '[')
            {
                p += 3;
                q = path.IndexOf(']', q) + 1;
                if (q == 0)
                {
                    return false;
                }

                continue;
            }

            if (char.ToLowerInvariant(pattern[p]) != char.ToLowerInvariant(path[q]))
            {
                return false;
            }

            p++;
            q++;
        }

        return p == pattern.Length && q == path.Length;
    }
}
