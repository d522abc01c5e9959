using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace AgentHost.Hosting.Configuration;

/// <summary>Says where a configuration key's effective value came from, for error messages and <c>config show</c>.</summary>
public static class ConfigurationSources
{
    /// <summary>Describes the source of the effective value of <paramref name="key"/>, e.g. <c>environment variable AGENTHOST_AGENT__NAME</c>.</summary>
    public static string Describe(IConfigurationRoot root, string key)
    {
        ArgumentNullException.ThrowIfNull(root);
        var provider = root.Providers.LastOrDefault(p => p.TryGet(key, out _));
        return provider is null ? "default" : Describe(provider, key);
    }

    /// <summary>Describes one provider as the source of <paramref name="key"/>.</summary>
    internal static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider json => "settings file " + FilePath(json),
        PrefixedEnvironmentSource.Provider env => "environment variable " + env.VariableFor(key),
        EnvironmentAliasSource.Provider alias => "environment variable " + alias.VariableFor(key),
        MemoryConfigurationProvider => "command line",
        _ => provider.ToString() ?? "configuration",
    };

    private static string FilePath(JsonConfigurationProvider json)
    {
        var path = json.Source.Path ?? AgentHostConfiguration.SettingsFileName;
        return json.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider physical ? Path.Combine(physical.Root, path) : path;
    }
}
