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
        var providers = root.Providers.ToList();
        var memoryIndex = 0;
        var memoryCount = providers.Count(p => p is MemoryConfigurationProvider);
        string? description = null;
        foreach (var provider in providers)
        {
            var isMemory = provider is MemoryConfigurationProvider;
            if (isMemory)
            {
                memoryIndex++;
            }

            if (!provider.TryGet(key, out _))
            {
                continue;
            }

            description = provider switch
            {
                JsonConfigurationProvider json => "settings file " + FilePath(json),
                PrefixedEnvironmentSource.Provider env => "environment variable " + env.VariableFor(key),
                MemoryConfigurationProvider when memoryIndex == 1 => "environment variable " + AliasFor(key),
                MemoryConfigurationProvider when memoryIndex == memoryCount && memoryCount > 1 => "command line",
                _ => provider.ToString() ?? "configuration",
            };
        }

        return description ?? "default";
    }

    private static string FilePath(JsonConfigurationProvider json)
    {
        var path = json.Source.Path ?? AgentHostConfiguration.SettingsFileName;
        return json.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider physical ? Path.Combine(physical.Root, path) : path;
    }

    private static string AliasFor(string key) =>
        EnvironmentAliases.Map.LastOrDefault(a => string.Equals(a.Value, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;
}
