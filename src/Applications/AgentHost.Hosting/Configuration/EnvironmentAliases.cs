namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Short environment variable names accepted besides the generic <c>AGENTHOST_SECTION__KEY</c> form, as declared on the
/// settings (<see cref="SettingAttribute.Aliases"/>). An alias is read with the same precedence as the other environment
/// variables; the generic form wins when both are set, and of several aliases of one key the first declared wins.
/// </summary>
public static class EnvironmentAliases
{
    /// <summary>Alias variable name to configuration key.</summary>
    public static IReadOnlyDictionary<string, string> Map { get; } = AgentHostSettingsCatalog.All
        .SelectMany(s => s.Aliases.Select(a => KeyValuePair.Create(a, s.Key)))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>Returns the configuration entries the aliases set in an environment.</summary>
    public static Dictionary<string, string?> Read(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return ReadWithVariables(getVariable).ToDictionary(e => e.Key, e => (string?)e.Value.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The configuration entries the aliases set, with the variable that set each one.</summary>
    internal static Dictionary<string, (string Variable, string Value)> ReadWithVariables(Func<string, string?> getVariable)
    {
        var values = new Dictionary<string, (string Variable, string Value)>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in AgentHostSettingsCatalog.All)
        {
            foreach (var alias in setting.Aliases)
            {
                if (getVariable(alias) is { Length: > 0 } value)
                {
                    values.TryAdd(setting.Key, (alias, value)); // the first declared alias that is set wins
                }
            }
        }

        return values;
    }
}
