using AgentHost.Hosting.Configuration;
using AgentHost.Testing;

namespace AgentHost.Hosting.Tests;

/// <summary>The <c>AGENTHOST_*</c> variables the product's code reads are all declared settings, so none of them is ever warned about as unknown.</summary>
public sealed class SourceEnvironmentVariablesTests
{
    [Fact]
    public void Catalog_EveryAgentHostVariableTheCodeReads_IsADeclaredAliasOrGenericName()
    {
        var read = SourceEnvironmentVariables.Read(Path.Combine(RepositoryPaths.Root, "src"))
            .Where(v => v.StartsWith(AgentHostConfiguration.EnvironmentPrefix, StringComparison.Ordinal) && !v.Contains('<', StringComparison.Ordinal) && !v.EndsWith('*'))
            .ToList();
        Assert.Contains("AGENTHOST_BEDROCK_PROMPT_CACHING", read);
        var declared = EnvironmentAliases.Map.Keys.Concat(AgentHostSettingsCatalog.All.Select(s => s.EnvironmentVariable)).ToHashSet(StringComparer.Ordinal);

        var undeclared = read.Where(v => !declared.Contains(v)).ToList();

        Assert.True(undeclared.Count == 0, "The code reads these AGENTHOST_* variables, which no setting declares (the host would warn about them as unknown): " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Load_AVariableTheCodeReads_IsNotWarnedAbout()
    {
        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: new Dictionary<string, string>
        {
            ["AGENTHOST_BEDROCK_PROMPT_CACHING"] = "system,tools",
            ["AGENTHOST_DEVGATEWAY_PORT"] = "9000",
            ["AGENTHOST_SQLITE_PATH"] = "conversations.db",
        }));

        Assert.Empty(settings.Warnings);
        Assert.Equal("system,tools", settings.Model.Bedrock.PromptCaching);
    }
}
