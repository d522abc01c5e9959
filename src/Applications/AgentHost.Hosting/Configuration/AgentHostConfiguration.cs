using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>Builds the host's configuration from its sources in the documented order of precedence.</summary>
public static class AgentHostConfiguration
{
    /// <summary>The prefix of the generic environment variables: <c>AGENTHOST_SECTION__KEY</c>.</summary>
    public const string EnvironmentPrefix = "AGENTHOST_";

    /// <summary>The name of the optional JSON settings file, looked up in the working directory.</summary>
    public const string SettingsFileName = "appsettings.json";

    /// <summary>
    /// Builds configuration: <c>appsettings.json</c> (working directory, optional; or <paramref name="settingsFile"/>), then the
    /// environment aliases, then <c>AGENTHOST_*</c> variables, then <paramref name="overrides"/> (the command line).
    /// </summary>
    /// <param name="overrides">Configuration keys set on the command line; null values are ignored.</param>
    /// <param name="settingsFile">A settings file to use instead of <c>appsettings.json</c> in the working directory; it must exist.</param>
    /// <param name="environment">The environment variables. Default: the process environment.</param>
    /// <exception cref="FileNotFoundException"><paramref name="settingsFile"/> does not exist.</exception>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides = null, string? settingsFile = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        environment ??= ProcessEnvironment();
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
        {
            var path = Path.GetFullPath(settingsFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The settings file '{path}' does not exist.", path);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        else
        {
            builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), SettingsFileName), optional: true, reloadOnChange: false);
        }

        builder.Add(new EnvironmentAliasSource(environment));
        builder.Add(new PrefixedEnvironmentSource(EnvironmentPrefix, environment));
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides.Where(o => o.Value is not null));
        }

        return builder.Build();
    }

    /// <summary>A snapshot of the process environment.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return variables;
    }
}
