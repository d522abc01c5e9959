namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Every setting of <see cref="AgentHostSettings"/>, each declared once on its property (type, default, range or allowed
/// values, aliases, secrecy, documentation) and described here by source generation, without reflection. The known-key
/// check, the validation, <c>config show</c>, the environment aliases and the README's table check derive from it.
/// </summary>
[SettingsCatalog(typeof(AgentHostSettings))]
public static partial class AgentHostSettingsCatalog
{
    /// <summary>The settings in declaration order.</summary>
    public static IReadOnlyList<SettingDescriptor> All { get; } = CreateDescriptors();

    // After All: static initialisers run in textual order.
    private static readonly Dictionary<string, SettingDescriptor> ByKey = All.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The setting with this key (case-insensitive), or null.</summary>
    public static SettingDescriptor? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The setting with this key.</summary>
    /// <exception cref="KeyNotFoundException">No setting has this key.</exception>
    public static SettingDescriptor Get(string key) => Find(key) ?? throw new KeyNotFoundException($"No setting '{key}' is declared.");

    private static partial IReadOnlyList<SettingDescriptor> CreateDescriptors();
}
