using AgentHost.Hosting.Configuration;
using AgentHost.Testing;

namespace AgentHost.Hosting.Tests;

/// <summary>The <c>AGENTHOST_*</c> variables the product's code reads are all known to the host, so none of them is ever warned about as unknown.</summary>
public sealed class SourceEnvironmentVariablesTests
{
    [Fact]
    public void Load_EveryAgentHostVariableTheCodeReads_IsKnownAndNotWarnedAbout()
    {
        var read = SourceEnvironmentVariables.Read(Path.Combine(RepositoryPaths.Root, "src"))
            .Where(v => v.StartsWith(AgentHostConfiguration.EnvironmentPrefix, StringComparison.Ordinal) && !v.Contains('<', StringComparison.Ordinal) && !v.EndsWith('*'))
            .ToList();
        Assert.Contains("AGENTHOST_BEDROCK_PROMPT_CACHING", read);

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: read.ToDictionary(v => v, Plausible, StringComparer.Ordinal)));

        Assert.Empty(settings.Warnings);
    }

    /// <summary>A value each known variable accepts (the loader validates the ones it binds).</summary>
    private static string Plausible(string variable) =>
        EnvironmentAliases.Map.TryGetValue(variable, out var key) && AgentHostSettingsCatalog.Get(key) is { } setting
            ? setting.AllowedValues.FirstOrDefault() ?? (setting.Kind switch { SettingKind.Boolean => "false", SettingKind.Integer or SettingKind.Number => "1", _ => "value" })
            : "value";
}
