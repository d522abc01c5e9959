using System.Text.RegularExpressions;

namespace AgentHost.Core.Tools;

/// <summary>
/// Allow and deny lists of glob patterns over tool names (<c>*</c> any run of characters, <c>?</c> one character,
/// case-sensitive). A tool is allowed when the allow list is empty or one of its names matches an allow pattern, and
/// none of its names matches a deny pattern. Deny wins.
/// </summary>
public sealed class ToolNameFilter
{
    private readonly Regex[] _allow;
    private readonly Regex[] _deny;

    /// <summary>Creates the filter.</summary>
    public ToolNameFilter(IEnumerable<string>? allow, IEnumerable<string>? deny)
    {
        AllowPatterns = (allow ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
        DenyPatterns = (deny ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
        _allow = AllowPatterns.Select(ToRegex).ToArray();
        _deny = DenyPatterns.Select(ToRegex).ToArray();
    }

    /// <summary>A filter that allows everything.</summary>
    public static ToolNameFilter AllowAll { get; } = new(null, null);

    /// <summary>The allow patterns.</summary>
    public IReadOnlyList<string> AllowPatterns { get; }

    /// <summary>The deny patterns.</summary>
    public IReadOnlyList<string> DenyPatterns { get; }

    /// <summary>True when the filter lets everything through.</summary>
    public bool IsEmpty => _allow.Length == 0 && _deny.Length == 0;

    /// <summary>Decides for a tool known by one or more names (e.g. its model-facing name and its gateway name).</summary>
    public bool IsAllowed(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names as IReadOnlyCollection<string> ?? names.ToList();
        if (list.Any(n => _deny.Any(d => d.IsMatch(n))))
        {
            return false;
        }

        return _allow.Length == 0 || list.Any(n => _allow.Any(a => a.IsMatch(n)));
    }

    /// <summary>Decides for a tool with one name.</summary>
    public bool IsAllowed(string name) => IsAllowed([name]);

    private static Regex ToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
