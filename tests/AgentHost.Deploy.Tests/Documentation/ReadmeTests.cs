using System.Text.RegularExpressions;
using AgentHost.Deploy.Tests.AgentCore;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Documentation;

/// <summary>The README documents every AgentHost/AgentCore variable the deployed runtime is configured with.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Readme_ConfigurationTable_DocumentsEveryDeployedEnvironmentVariable()
    {
        var readme = RepositoryPaths.Combine("README.md");
        Assert.True(File.Exists(readme), "README.md is missing: it must document the deployed environment variables in a configuration table.");
        var rows = File.ReadAllLines(readme).Where(l => l.TrimStart().StartsWith('|')).ToList();
        var documented = rows.SelectMany(r => VariableName().Matches(r).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var genericDocumented = rows.Any(r => GenericForm().IsMatch(r));

        var deployed = AgentCoreProject.Runtimes(AgentCoreProject.Load())
            .SelectMany(r => AgentCoreProject.EnvironmentVariables(r).Keys)
            .Where(n => n.StartsWith("AGENTHOST_", StringComparison.Ordinal) || n.StartsWith("AGENTCORE_", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var missing = deployed
            .Where(n => !documented.Contains(n) && !(n.Contains("__", StringComparison.Ordinal) && genericDocumented))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0,
            $"README.md's table rows ({rows.Count} found) do not document these variables that agentcore.json sets: {string.Join(", ", missing)}");
    }

    [GeneratedRegex("(AGENTHOST|AGENTCORE)_[A-Z0-9_]+")]
    private static partial Regex VariableName();

    /// <summary>The generic form, e.g. <c>AGENTHOST_&lt;SECTION&gt;__&lt;KEY&gt;</c> or <c>AGENTHOST_AGENT__*</c>.</summary>
    [GeneratedRegex(@"AGENTHOST_(<[A-Za-z]+>|AGENT)__(<|\*|\{)")]
    private static partial Regex GenericForm();
}
