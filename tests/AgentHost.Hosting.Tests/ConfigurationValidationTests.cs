using AgentHost.Hosting.Configuration;

namespace AgentHost.Hosting.Tests;

public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Agent:Limits:MaxCycles", "0", "'Agent:Limits:MaxCycles' is 0 (from command line); it must be between 1 and 1000.")]
    [InlineData("Agent:Limits:MaxCycles", "5000", "it must be between 1 and 1000")]
    [InlineData("Agent:Limits:MaxTokens", "-1", "'Agent:Limits:MaxTokens' is -1")]
    [InlineData("Agent:Limits:ToolTimeoutSeconds", "0", "must be more than 0 and at most 3600 seconds")]
    [InlineData("Agent:Limits:ToolTimeouts:crm___x", "-2", "'Agent:Limits:ToolTimeouts:crm___x' is -2")]
    [InlineData("Agent:Limits:TurnTimeoutSeconds", "-1", "'Agent:Limits:TurnTimeoutSeconds' is -1")]
    [InlineData("Agent:Limits:MaxConcurrentToolCalls", "0", "'Agent:Limits:MaxConcurrentToolCalls' is 0")]
    [InlineData("Agent:Window:MaxMessages", "1", "'Agent:Window:MaxMessages' is 1")]
    [InlineData("Agent:Window:MaxApproxTokens", "10", "'Agent:Window:MaxApproxTokens' is 10")]
    [InlineData("Agent:Window:MaxTurnsLoaded", "0", "'Agent:Window:MaxTurnsLoaded' is 0")]
    [InlineData("Agent:Model:Temperature", "1.5", "'Agent:Model:Temperature' is 1.5")]
    [InlineData("Agent:Model:TopP", "-0.1", "'Agent:Model:TopP' is -0.1")]
    [InlineData("Agent:Model:MaxOutputTokens", "0", "'Agent:Model:MaxOutputTokens' is 0")]
    [InlineData("Agent:Name", " ", "'Agent:Name' (from command line) must not be empty.")]
    [InlineData("Model:Provider", "ollama", "'Model:Provider' is 'ollama' (from command line); it must be one of: auto, bedrock, openai, offline.")]
    [InlineData("Store:Provider", "postgres", "it must be one of: auto, sqlite, dynamodb, memory")]
    [InlineData("DevGateway:Enabled", "maybe", "it must be one of: auto, true, false")]
    [InlineData("DevGateway:Port", "70000", "'DevGateway:Port' is 70000")]
    [InlineData("Store:DynamoDbTtlDays", "0", "'Store:DynamoDbTtlDays' is 0")]
    [InlineData("Runtime:MaxRequestBodyBytes", "0", "'Runtime:MaxRequestBodyBytes' is 0")]
    [InlineData("Runtime:DrainTimeoutSeconds", "-5", "'Runtime:DrainTimeoutSeconds' is -5")]
    [InlineData("Agent:Limits:MaxCycles", "many", "'Agent:Limits:MaxCycles' has the value 'many' (from command line), which is not a valid whole number.")]
    [InlineData("Store:DynamoDbCreateTable", "yes", "which is not a valid boolean (true or false)")]
    public void Load_InvalidValue_ReportsKeySourceAndAllowedRange(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { [key] = value }));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownKeyFromEnvironment_WarnsNamingTheVariableAndTheClosestKnownOne()
    {
        var environment = new Dictionary<string, string> { ["AGENTHOST_AGENT__LIMITS__MAXCYCLE"] = "5" };

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));

        Assert.Equal("Unknown environment variable AGENTHOST_AGENT__LIMITS__MAXCYCLE ignored; did you mean AGENTHOST_AGENT__LIMITS__MAXCYCLES?", Assert.Single(settings.Warnings));
        Assert.Equal(20, settings.Agent.Limits.MaxCycles);
    }

    [Fact]
    public void Load_MistypedAlias_WarnsWithTheAliasItMeant()
    {
        var environment = new Dictionary<string, string> { ["AGENTHOST_MODLE_ID"] = "anthropic.claude" };

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));

        Assert.Equal("Unknown environment variable AGENTHOST_MODLE_ID ignored; did you mean AGENTHOST_MODEL_ID?", Assert.Single(settings.Warnings));
        Assert.Null(settings.Agent.Model.ModelId);
    }

    [Fact]
    public void Load_AnotherProgramsAgentHostVariable_IsAWarningNotAnError()
    {
        // The peer benchmark's own variable, which reaches the host through the benchmark's environment.
        var environment = new Dictionary<string, string> { ["AGENTHOST_STRANDS_PEER_SOURCE"] = "/opt/peer", ["AGENTHOST_MAX_CYCLES"] = "5" };

        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));

        Assert.Equal(
            [
                "Unknown environment variable AGENTHOST_MAX_CYCLES ignored; it is not an AgentHost setting.",
                "Unknown environment variable AGENTHOST_STRANDS_PEER_SOURCE ignored; it is not an AgentHost setting.",
            ],
            settings.Warnings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_InvalidValueOfAKnownVariable_IsStillAnErrorNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["AGENTHOST_GATEWAY_STARTUP_WAIT_SECONDS"] = "900", ["AGENTHOST_STRANDS_PEER_SOURCE"] = "/opt/peer" };

        var error = Assert.Throws<ConfigurationValidationException>(() => AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment)));

        Assert.Equal(
            "'Runtime:GatewayStartupWaitSeconds' is 900 (from environment variable AGENTHOST_GATEWAY_STARTUP_WAIT_SECONDS); it must be between 0 and 300 seconds.",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void Load_UnknownKeyOnTheCommandLine_IsAnError()
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { ["Runtime:LogFromat"] = "json" }));

        Assert.Equal("Unknown configuration key 'Runtime:LogFromat' (from command line). Did you mean 'Runtime:LogFormat'?", Assert.Single(error.Errors));
    }

    [Fact]
    public void Load_UnknownKeyInTheSettingsFileAndTheEnvironment_IsAnErrorNamingTheFile()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("appsettings.json", """{"Agent":{"Limits":{"MaxCycle":3}}}""");
        var environment = new Dictionary<string, string> { ["AGENTHOST_AGENT__LIMITS__MAXCYCLE"] = "5" };

        var error = Assert.Throws<ConfigurationValidationException>(() => AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(settingsFile: file, environment: environment)));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith("Unknown configuration key 'Agent:Limits:MaxCycle' (from settings file " + file + ")", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_MissingInstructionsFile_ReportsTheFullPath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "agenthost-no-such-file-" + Guid.NewGuid().ToString("N") + ".md");

        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { ["Agent:InstructionsFile"] = missing }));

        Assert.Contains(error.Errors, e => e.Contains($"points to '{missing}', which does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MissingSettingsFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => AgentHostConfiguration.Build(settingsFile: "/nonexistent/agenthost.json", environment: new Dictionary<string, string>()));
    }

    [Fact]
    public void Load_UnknownPlaceholder_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { ["Agent:Instructions"] = "Hello {custmer}" }));

        var message = Assert.Single(error.Errors);
        Assert.Contains("unknown placeholder '{custmer}'", message, StringComparison.Ordinal);
        Assert.Contains("{channel}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BedrockRequiredWithoutModelId_SaysWhatToSet()
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { ["Model:Provider"] = "bedrock" }));

        Assert.Contains(error.Errors, e => e.Contains("set 'Agent:Model:ModelId' (AGENTHOST_MODEL_ID)", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DynamoDbRequiredWithoutTable_SaysWhatToSet()
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { ["Store:Provider"] = "dynamodb" }));

        Assert.Contains(error.Errors, e => e.Contains("AGENTHOST_DYNAMODB_TABLE", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllAtOnce()
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new()
        {
            ["Agent:Limits:MaxCycles"] = "0",
            ["Model:Provider"] = "x",
            ["Agent:Bogus"] = "1",
        }));

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains("The configuration is invalid:", error.Message, StringComparison.Ordinal);
    }

    private static AgentHostSettings Load(Dictionary<string, string?> overrides) =>
        AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(overrides, environment: new Dictionary<string, string>()));
}
