using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Finds configuration keys the host does not know. One typed in the settings file or on the command line is an error;
/// one that only comes from an <c>AGENTHOST_*</c> environment variable is a warning naming the closest known variable
/// (the environment holds variables meant for other programs, e.g. a benchmark's own settings).
/// </summary>
internal static class UnknownKeys
{
    public static void Check(IConfigurationRoot configuration, List<string> errors, List<string> warnings)
    {
        foreach (var pair in configuration.AsEnumerable())
        {
            var key = pair.Key;
            if (pair.Value is null)
            {
                continue; // a section, not a value
            }

            var top = key.Split(':')[0];
            var owned = KnownConfigurationKeys.Sections.Contains(top, StringComparer.OrdinalIgnoreCase);
            if (owned ? KnownConfigurationKeys.IsKnown(key) : KnownConfigurationKeys.ForeignTopLevel.Contains(top))
            {
                continue;
            }

            var sources = configuration.Providers.Where(p => p.TryGet(key, out _)).ToList();
            var typed = sources.LastOrDefault(p => p is not PrefixedEnvironmentSource.Provider);
            if (typed is null && sources.LastOrDefault() is PrefixedEnvironmentSource.Provider environment)
            {
                var variable = environment.VariableFor(key);
                var closest = NameSuggestion.Closest(variable, KnownConfigurationKeys.EnvironmentVariables());
                warnings.Add($"Unknown environment variable {variable} ignored; " + (closest is null ? "it is not an AgentHost setting." : $"did you mean {closest}?"));
                continue;
            }

            var suggestion = NameSuggestion.Closest(key, KnownConfigurationKeys.Exact);
            var source = typed is null ? ConfigurationSources.Describe(configuration, key) : ConfigurationSources.Describe(typed, key);
            errors.Add($"Unknown configuration key '{key}' (from {source})." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"));
        }
    }
}
