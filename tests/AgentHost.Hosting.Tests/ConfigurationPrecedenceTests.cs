using AgentHost.Hosting.Configuration;

namespace AgentHost.Hosting.Tests;

public sealed class ConfigurationPrecedenceTests
{
    [Fact]
    public void Load_NothingConfigured_UsesDocumentedDefaults()
    {
        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: new Dictionary<string, string>(), settingsFile: null));

        Assert.Equal("contact-centre-assistant", settings.Agent.Name);
        Assert.Equal(20, settings.Agent.Limits.MaxCycles);
        Assert.Equal(30, settings.Agent.Limits.ToolTimeoutSeconds);
        Assert.Equal(4, settings.Agent.Limits.MaxConcurrentToolCalls);
        Assert.Equal("auto", settings.Model.Provider);
        Assert.Equal("auto", settings.Store.Provider);
        Assert.Equal(DefaultInstructions.Text, AgentHostSettingsLoader.ResolveInstructions(settings.Agent));
    }

    [Fact]
    public void Load_SameKeyInEverySource_CommandLineBeatsEnvironmentBeatsSettingsFile()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("appsettings.json", """{"Agent":{"Name":"from-file","Limits":{"MaxCycles":3,"MaxConcurrentToolCalls":2}}}""");
        var environment = new Dictionary<string, string>
        {
            ["AGENTHOST_AGENT__NAME"] = "from-env",
            ["AGENTHOST_AGENT__LIMITS__MAXCYCLES"] = "7",
        };
        var overrides = new Dictionary<string, string?> { ["Agent:Name"] = "from-cli" };

        var configuration = AgentHostConfiguration.Build(overrides, file, environment);
        var settings = AgentHostSettingsLoader.Load(configuration);

        Assert.Equal("from-cli", settings.Agent.Name);
        Assert.Equal(7, settings.Agent.Limits.MaxCycles);
        Assert.Equal(2, settings.Agent.Limits.MaxConcurrentToolCalls);
        Assert.Equal("command line", ConfigurationSources.Describe(configuration, "Agent:Name"));
        Assert.Equal("environment variable AGENTHOST_AGENT__LIMITS__MAXCYCLES", ConfigurationSources.Describe(configuration, "Agent:Limits:MaxCycles"));
        Assert.StartsWith("settings file", ConfigurationSources.Describe(configuration, "Agent:Limits:MaxConcurrentToolCalls"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasAndGenericVariable_GenericFormWins()
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENTHOST_MODEL_ID"] = "alias-model",
            ["AGENTHOST_AGENT__MODEL__MODELID"] = "generic-model",
            ["AGENTHOST_DYNAMODB_TABLE"] = "conversations",
        };

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));

        Assert.Equal("generic-model", settings.Agent.Model.ModelId);
        Assert.Equal("conversations", settings.Store.DynamoDbTable);
    }

    [Fact]
    public void Load_BedrockModelIdAliases_AgentHostAliasBeatsLegacyName()
    {
        var environment = new Dictionary<string, string> { ["BEDROCK_MODEL_ID"] = "legacy", ["AGENTHOST_MODEL_ID"] = "preferred" };

        Assert.Equal("preferred", AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment)).Agent.Model.ModelId);
    }

    [Fact]
    public void Load_CommaSeparatedToolLists_AreSplit()
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENTHOST_AGENT__TOOLS__ALLOW"] = "crm___*, portfolio___*",
            ["AGENTHOST_AGENT__TOOLS__DENY"] = "crm___update_*",
        };

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));

        Assert.Equal(["crm___*", "portfolio___*"], settings.Agent.Tools.Allow);
        Assert.Equal(["crm___update_*"], settings.Agent.Tools.Deny);
    }

    [Fact]
    public void Create_AgentOptions_ConvertsSecondsAndZeroMeansNoLimit()
    {
        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(
            new Dictionary<string, string?>
            {
                ["Agent:Limits:MaxTokens"] = "0",
                ["Agent:Limits:TurnTimeoutSeconds"] = "7.5",
                ["Agent:Limits:ToolTimeouts:crm___slow"] = "90",
            },
            environment: new Dictionary<string, string>()));

        var options = AgentOptionsFactory.Create(settings.Agent);

        Assert.Null(options.Limits.MaxTokens);
        Assert.Equal(TimeSpan.FromSeconds(7.5), options.Limits.TurnTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Limits.TimeoutFor("crm___slow"));
        Assert.Equal(TimeSpan.FromSeconds(30), options.Limits.TimeoutFor("other"));
    }

    [Fact]
    public void ResolveInstructions_FileConfigured_ReadsTheFile()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("prompt.md", "You help {channel} callers.");

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(
            new Dictionary<string, string?> { ["Agent:InstructionsFile"] = file, ["Agent:Instructions"] = "inline" },
            environment: new Dictionary<string, string>()));

        Assert.Equal("You help {channel} callers.", AgentHostSettingsLoader.ResolveInstructions(settings.Agent));
    }

    [Fact]
    public void Render_Secrets_AreRedacted()
    {
        var configuration = AgentHostConfiguration.Build(environment: new Dictionary<string, string> { ["AGENTHOST_DEVGATEWAY_TOKEN"] = "s3cr3t-token" });
        var settings = AgentHostSettingsLoader.Load(configuration);

        var text = ConfigurationPrinter.Render(configuration, settings);

        Assert.DoesNotContain("s3cr3t-token", text, StringComparison.Ordinal);
        Assert.Contains("DevGateway:Token", text, StringComparison.Ordinal);
        Assert.Contains(ConfigurationPrinter.Redacted, text, StringComparison.Ordinal);
        Assert.Contains("environment variable AGENTHOST_DEVGATEWAY_TOKEN", text, StringComparison.Ordinal);
    }
}
