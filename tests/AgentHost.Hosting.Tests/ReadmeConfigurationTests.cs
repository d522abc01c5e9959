using System.Text.RegularExpressions;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Testing;

namespace AgentHost.Hosting.Tests;

/// <summary>The README's "Configuration" section against the declarations: every setting, alias and default, and every variable the code reads.</summary>
public sealed partial class ReadmeConfigurationTests
{
    private static readonly Lazy<string> Section = new(() => ConfigurationSection(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"))));

    [Fact]
    public void Readme_EverySettingTable_DocumentsEveryDeclaredKeyWithItsAliasesAndDefault()
    {
        var rows = SettingRows();
        var problems = new List<string>();
        foreach (var setting in AgentHostSettingsCatalog.All)
        {
            var documented = setting.Kind == SettingKind.Map ? setting.Key + ":<" : setting.Key;
            var row = rows.FirstOrDefault(r => setting.Kind == SettingKind.Map ? r.Key.StartsWith(documented, StringComparison.Ordinal) : r.Key == documented);
            if (row is null)
            {
                problems.Add($"'{setting.Key}' has no row.");
                continue;
            }

            problems.AddRange(setting.Aliases.Where(a => !Mentions(row.Variables, a)).Select(a => $"'{setting.Key}': the alias {a} is missing from its row."));
            var expectedDefault = setting.Default.Length > 0 ? $"`{setting.Default}`" : setting.Unset;
            if (!row.Default.StartsWith(expectedDefault, StringComparison.Ordinal))
            {
                problems.Add($"'{setting.Key}': the default reads '{row.Default}', the declaration says {expectedDefault}.");
            }
        }

        Assert.True(problems.Count == 0, "README.md's \"Every setting\" table disagrees with the declarations (src/Applications/AgentHost.Hosting/Configuration):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Readme_EverySettingTable_HasNoRowForAnUndeclaredKey()
    {
        var rows = SettingRows();
        Assert.True(rows.Count > 30, $"Only {rows.Count} rows found under \"### Every setting\".");

        var undeclared = rows
            .Where(r => r.Key.Length > 0 && !r.Key.StartsWith("Gateways:", StringComparison.Ordinal))
            .Where(r => AgentHostSettingsCatalog.Find(r.Key) is null && !AgentHostSettingsCatalog.All.Any(s => s.Kind == SettingKind.Map && r.Key.StartsWith(s.Key + ":<", StringComparison.Ordinal)))
            .Select(r => r.Key)
            .ToList();

        Assert.True(undeclared.Count == 0, "README.md documents keys no settings class declares: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Readme_GatewaysRow_NamesEveryGatewayKey()
    {
        var row = Assert.Single(SettingRows(), r => r.Key.StartsWith("Gateways:", StringComparison.Ordinal));

        var missing = GatewayComposition.KnownKeys.Where(k => !Regex.IsMatch(row.Meaning, $@"\b{k}\b")).ToList();

        Assert.True(missing.Count == 0, "The README's Gateways row does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void Readme_ConfigurationSection_MentionsEveryEnvironmentVariableTheCodeReads()
    {
        var read = SourceEnvironmentVariables.Read(Path.Combine(RepositoryPaths.Root, "src"));
        Assert.Superset(
            new HashSet<string>(["PORT", "NO_COLOR", "AWS_REGION", "AWS_PROFILE", "AGENTHOST_BEDROCK_PROMPT_CACHING", "AGENTCORE_GATEWAY_<NAME>_URL", "AGENTCORE_GATEWAY_REFRESH_SECONDS", "AWS_ENDPOINT_URL_*"]),
            read.ToHashSet());

        var missing = read.Where(v => !Documents(Section.Value, v)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "README.md's Configuration section does not mention these environment variables the code under src/ reads: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("`PORT` | `8080`", "PORT", true)]
    [InlineData("`AWS_PORT`", "PORT", false)]
    [InlineData("`AGENTCORE_GATEWAY_<NAME>_TOKEN_ENDPOINT`, `_CLIENT_ID`, `_SCOPES`", "AGENTCORE_GATEWAY_<NAME>_SCOPES", true)]
    [InlineData("`AGENTCORE_GATEWAY_<NAME>_TOKEN_ENDPOINT`", "AGENTCORE_GATEWAY_<NAME>_SCOPES", false)]
    [InlineData("`AWS_ENDPOINT_URL_DYNAMODB`", "AWS_ENDPOINT_URL_*", true)]
    public void Documents_NameOrGenericPattern_IsRecognised(string text, string variable, bool expected) =>
        Assert.Equal(expected, Documents(text, variable));

    /// <summary>Whether the text mentions the variable: literally, as a pattern's short suffix form on the pattern's line, or (for a dynamic prefix) by any name with that prefix.</summary>
    private static bool Documents(string text, string variable)
    {
        if (variable.EndsWith('*'))
        {
            return Regex.IsMatch(text, $@"(?<![A-Z0-9_]){Regex.Escape(variable[..^1])}[A-Z0-9_<>]+");
        }

        if (Mentions(text, variable))
        {
            return true;
        }

        var pattern = variable.IndexOf(">_", StringComparison.Ordinal);
        return pattern > 0 && text.Split('\n').Any(line => line.Contains(variable[..(pattern + 2)], StringComparison.Ordinal) && line.Contains($"`{variable[(pattern + 1)..]}`", StringComparison.Ordinal));
    }

    private static bool Mentions(string text, string variable) => Regex.IsMatch(text, $@"(?<![A-Za-z0-9_<>]){Regex.Escape(variable)}(?![A-Za-z0-9_])");

    private static string ConfigurationSection(string readme)
    {
        var start = readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## Configuration\" section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    private static List<Row> SettingRows()
    {
        var table = Section.Value;
        var start = table.IndexOf("### Every setting", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md's Configuration section has no \"### Every setting\" table.");
        return table[start..].Split('\n')
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2) // header and separator
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 4)
            .Select(c => new Row(c[0] == "—" ? string.Empty : c[0].Trim('`'), c[1], c[2], string.Join("|", c[3..])))
            .ToList();
    }

    private sealed record Row(string Key, string Variables, string Default, string Meaning);
}
