namespace AgentHost.Hosting.Configuration;

/// <summary>The configuration keys the host understands, derived from <see cref="AgentHostSettingsCatalog"/>; anything else under its sections is unknown.</summary>
internal static class KnownConfigurationKeys
{
    /// <summary>Exact keys (case-insensitive): every scalar and list setting (a list may be one comma-separated value).</summary>
    public static readonly HashSet<string> Exact = new(
        AgentHostSettingsCatalog.All.Where(s => s.Kind != SettingKind.Map).Select(s => s.Key),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys whose children are free-form: list items, map entries, and the sections other components read.</summary>
    public static readonly string[] OpenPrefixes =
    [
        .. AgentHostSettingsCatalog.All.Where(s => s.Kind is SettingKind.List or SettingKind.Map).Select(s => s.Key + ":"),
        "Logging:", "Gateways:",
    ];

    /// <summary>Top-level sections the host owns (unknown keys under them are errors).</summary>
    public static readonly string[] Sections = [.. AgentHostSettingsCatalog.All.Select(s => s.Key.Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Top-level names that are allowed although the host does not bind them (other components read them).</summary>
    public static readonly HashSet<string> ForeignTopLevel = new(StringComparer.OrdinalIgnoreCase) { "Logging", "Gateways" };

    /// <summary>Whether a key is a known setting, a list item or map entry of one, or under a foreign open section.</summary>
    public static bool IsKnown(string key) =>
        Exact.Contains(key) || OpenPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every environment variable name that sets a known key: the aliases and the generic forms.</summary>
    public static IEnumerable<string> EnvironmentVariables() =>
        AgentHostSettingsCatalog.All.SelectMany(s => s.Aliases.Append(s.EnvironmentVariable));
}
