using System.Globalization;
using AgentHost.Hosting.Configuration;

namespace AgentHost.Hosting.Tests;

/// <summary>The generated catalog against the bound settings: every declared key binds to its property, every alias sets its key, every declaration is enforced.</summary>
public sealed class SettingsCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public static TheoryData<string> Keys() => [.. AgentHostSettingsCatalog.All.Select(s => s.Key)];

    public static TheoryData<string> Aliases() => [.. EnvironmentAliases.Map.Keys];

    [Fact]
    public void All_Catalog_DeclaresEveryBoundSetting()
    {
        Assert.Equal(66, AgentHostSettingsCatalog.All.Count);
        Assert.Equal(AgentHostSettingsCatalog.All.Count, AgentHostSettingsCatalog.All.Select(s => s.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(AgentHostSettingsCatalog.All, s => s.Key == "Runtime:GatewayStartupWaitSeconds" && s.Default == "10" && s.Maximum == 300);
        Assert.Equal("Maximum model calls per turn, 1 to 1000. Default: 20.", AgentHostSettingsCatalog.Get("Agent:Limits:MaxCycles").Description);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Load_EachDeclaredKey_BindsToThePropertyItDescribes(string key)
    {
        var setting = AgentHostSettingsCatalog.Get(key);
        var (configured, expected) = Sample(setting);

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(new Dictionary<string, string?> { [configured] = expected }, environment: new Dictionary<string, string>()));

        Assert.Contains(new KeyValuePair<string, string>(configured, expected), setting.Entries(settings));
        Assert.NotEqual(setting.Default, expected);
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Build_EachAlias_SetsItsDeclaredKeyAndIsNamedAsTheSource(string alias)
    {
        var setting = AgentHostSettingsCatalog.Get(EnvironmentAliases.Map[alias]);
        var (_, value) = Sample(setting);

        var configuration = AgentHostConfiguration.Build(environment: new Dictionary<string, string> { [alias] = value });
        var settings = AgentHostSettingsLoader.Load(configuration);

        Assert.Equal(value, SettingDescriptor.Format(setting.Read(settings)));
        Assert.Equal("environment variable " + alias, ConfigurationSources.Describe(configuration, setting.Key));
        Assert.Empty(settings.Warnings);
    }

    [Fact]
    public void Build_SeveralAliasesOfOneKey_TheFirstDeclaredWinsAndIsNamed()
    {
        var configuration = AgentHostConfiguration.Build(environment: new Dictionary<string, string> { ["BEDROCK_MODEL_ID"] = "legacy", ["AGENTHOST_BEDROCK_MODEL_ID"] = "bedrock" });

        Assert.Equal("bedrock", AgentHostSettingsLoader.Load(configuration).Agent.Model.ModelId);
        Assert.Equal("environment variable AGENTHOST_BEDROCK_MODEL_ID", ConfigurationSources.Describe(configuration, "Agent:Model:ModelId"));
    }

    [Fact]
    public void Map_EveryAlias_MapsToADeclaredKeyAndIsAnEnvironmentVariableName()
    {
        Assert.NotEmpty(EnvironmentAliases.Map);
        foreach (var (alias, key) in EnvironmentAliases.Map)
        {
            Assert.NotNull(AgentHostSettingsCatalog.Find(key));
            Assert.Matches("^[A-Z][A-Z0-9_]*$", alias);
            Assert.DoesNotContain("__", alias, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void All_KeysThatNameASecret_AreDeclaredSecret()
    {
        var secretLooking = AgentHostSettingsCatalog.All.Where(s => s.Key.EndsWith("Token", StringComparison.OrdinalIgnoreCase)
            || s.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase) || s.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(secretLooking);
        Assert.All(secretLooking, s => Assert.True(s.Secret, $"'{s.Key}' looks like a secret but is not declared [Setting(Secret = true)]."));
    }

    [Fact]
    public void Render_EffectiveConfiguration_ListsEveryDeclaredKeyAndRedactsEverySecret()
    {
        var overrides = AgentHostSettingsCatalog.All.Where(s => s.Secret).ToDictionary(s => s.Key, s => (string?)"s3cr3t-value");
        var configuration = AgentHostConfiguration.Build(overrides, environment: new Dictionary<string, string>());

        var text = ConfigurationPrinter.Render(configuration, AgentHostSettingsLoader.Load(configuration));

        var listed = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" = ")[0].Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.All(AgentHostSettingsCatalog.All, s => Assert.Contains(s.Key, listed));
        Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Load_ValueOutsideTheDeclaredRangeOrValues_IsRejectedNamingTheKey(string key)
    {
        var setting = AgentHostSettingsCatalog.Get(key);
        var invalid = new List<string>();
        if (setting.Minimum is { } min)
        {
            invalid.Add(Number(setting, setting.MinimumIsExclusive ? min : min - 1));
        }

        if (setting.Maximum is { } max && max < 1e15)
        {
            invalid.Add(Number(setting, setting.MaximumIsExclusive ? max : max + 1));
        }

        if (setting.AllowedValues.Count > 0)
        {
            invalid.Add("not-" + setting.AllowedValues[0]);
        }

        if (setting.Required)
        {
            invalid.Add(" ");
        }

        var configured = setting.Kind == SettingKind.Map ? key + ":some_tool" : key;
        foreach (var value in invalid)
        {
            var error = Assert.Throws<ConfigurationValidationException>(() => AgentHostSettingsLoader.Load(
                AgentHostConfiguration.Build(new Dictionary<string, string?> { [configured] = value }, environment: new Dictionary<string, string>())));
            Assert.StartsWith($"'{configured}'", Assert.Single(error.Errors), StringComparison.Ordinal);
        }
    }

    public void Dispose() => _folder.Dispose();

    private static string Number(SettingDescriptor setting, double value) =>
        setting.Kind == SettingKind.Integer ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid value other than the default, and the key to set it under.</summary>
    private (string Key, string Value) Sample(SettingDescriptor setting)
    {
        // Text whose rules go beyond the declaration (a file that exists, a URL, a list of cache points).
        switch (setting.Key)
        {
            case "Agent:InstructionsFile":
                return (setting.Key, _folder.Write("instructions.md", "You are {agentName}."));
            case "Model:OpenAI:BaseUrl":
                return (setting.Key, "http://localhost:11434/v1");
            case "Model:Bedrock:PromptCaching":
                return (setting.Key, "system,history");
            case "Control:PolicyFile":
                return (setting.Key, _folder.Write("policy.json", """{ "version": 1, "rules": [] }"""));
        }

        return setting.Kind switch
        {
            SettingKind.Text when setting.AllowedValues.Count > 0 => (setting.Key, setting.AllowedValues.Last(v => !string.Equals(v, setting.Default, StringComparison.OrdinalIgnoreCase))),
            SettingKind.Text => (setting.Key, "sample-" + setting.Key.Split(':')[^1].ToLowerInvariant()),
            SettingKind.Integer or SettingKind.Number => (setting.Key, Number(setting, Math.Min((setting.Minimum ?? 0) + 1, setting.Maximum ?? double.MaxValue))),
            SettingKind.Boolean => (setting.Key, setting.Default == "true" ? "false" : "true"),
            SettingKind.List => (setting.Key, "first,second"),
            SettingKind.Map => (setting.Key + ":some_tool", Number(setting, Math.Min((setting.Minimum ?? 0) + 1, setting.Maximum ?? double.MaxValue))),
            _ => throw new InvalidOperationException(setting.Kind.ToString()),
        };
    }
}
