using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Hosting.Tests.Composition;

public sealed class ModelFactoryTests
{
    [Fact]
    public void Choose_AutoWithAnOpenAIBaseUrlAndNoBedrockModel_PicksTheOpenAICompatibleEndpoint()
    {
        var settings = Load(new() { ["AGENTHOST_OPENAI_BASE_URL"] = "http://127.0.0.1:11434/v1", ["AGENTHOST_OPENAI_MODEL"] = "llama3.1" });

        Assert.Equal(ModelProviderKind.OpenAI, ModelFactory.Choose(settings, NoEnvironment));
    }

    [Fact]
    public void Choose_AutoWithABedrockModelAndCredentials_PicksBedrockEvenWithAnOpenAIBaseUrl()
    {
        var settings = Load(new() { ["AGENTHOST_OPENAI_BASE_URL"] = "http://127.0.0.1:11434/v1", ["AGENTHOST_MODEL_ID"] = "us.anthropic.claude-sonnet-4-20250514-v1:0" });
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" };

        Assert.Equal(ModelProviderKind.Bedrock, ModelFactory.Choose(settings, environment.GetValueOrDefault));
    }

    [Fact]
    public void Choose_AutoWithNothingConfigured_PicksTheOfflineModel()
    {
        Assert.Equal(ModelProviderKind.Offline, ModelFactory.Choose(Load([]), NoEnvironment));
    }

    [Fact]
    public void Create_OpenAIProvider_DescribesTheEndpointAndModel()
    {
        var settings = Load(new() { ["AGENTHOST_MODEL_PROVIDER"] = "openai", ["AGENTHOST_OPENAI_BASE_URL"] = "http://127.0.0.1:1234/v1", ["AGENTHOST_OPENAI_MODEL"] = "qwen2.5" });

        var (client, description) = ModelFactory.Create(settings, NullLoggerFactory.Instance, NoEnvironment);
        using (client)
        {
            Assert.Equal("OpenAI-compatible qwen2.5 at http://127.0.0.1:1234/v1", description);
            Assert.Equal("openai", client.GetService<ChatClientMetadata>()?.ProviderName);
        }
    }

    [Theory]
    [InlineData("AGENTHOST_OPENAI_MODEL", "'Model:OpenAI:BaseUrl'")]
    [InlineData("AGENTHOST_OPENAI_BASE_URL", "'Model:OpenAI:Model'")]
    public void Load_OpenAIProviderMissingASetting_FailsNamingIt(string given, string expected)
    {
        var value = given == "AGENTHOST_OPENAI_MODEL" ? "llama3.1" : "http://127.0.0.1:11434/v1";

        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { ["AGENTHOST_MODEL_PROVIDER"] = "openai", [given] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AGENTHOST_BEDROCK_GUARDRAIL_TRACE", "verbose", "Model:Bedrock:GuardrailTrace")]
    [InlineData("AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE", "fast", "Model:Bedrock:GuardrailStreamMode")]
    [InlineData("AGENTHOST_BEDROCK_PROMPT_CACHING", "system,everything", "Model:Bedrock:PromptCaching")]
    [InlineData("AGENTHOST_OPENAI_BASE_URL", "localhost:11434", "Model:OpenAI:BaseUrl")]
    public void Load_InvalidProviderSetting_FailsNamingTheKeyAndTheVariable(string variable, string value, string key)
    {
        var error = Assert.Throws<ConfigurationValidationException>(() => Load(new() { [variable] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBedrockOptions_GuardrailAndCacheSettings_ReachTheClientOptions()
    {
        var settings = Load(new()
        {
            ["AGENTHOST_BEDROCK_GUARDRAIL_ID"] = "gr-7",
            ["AGENTHOST_BEDROCK_GUARDRAIL_VERSION"] = "4",
            ["AGENTHOST_BEDROCK_GUARDRAIL_TRACE"] = "enabled_full",
            ["AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE"] = "async",
            ["AGENTHOST_BEDROCK_PROMPT_CACHING"] = "system,history",
        });

        var options = ModelFactory.CreateBedrockOptions(settings, NoEnvironment);

        Assert.Equal(("gr-7", "4", "enabled_full", "async"), (options.GuardrailIdentifier, options.GuardrailVersion, options.GuardrailTrace, options.GuardrailStreamProcessingMode));
        Assert.Equal((true, false, true), (options.CachePointAfterSystem, options.CachePointAfterTools, options.CachePointAfterHistory));
    }

    [Fact]
    public void ConfigurationPrinter_OpenAIKey_IsRedacted()
    {
        var variables = new Dictionary<string, string> { ["AGENTHOST_OPENAI_API_KEY"] = "sk-very-secret" };
        var configuration = AgentHostConfiguration.Build(environment: variables);

        var text = ConfigurationPrinter.Render(configuration, AgentHostSettingsLoader.Load(configuration));

        Assert.Contains("Model:OpenAI:ApiKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-very-secret", text, StringComparison.Ordinal);
    }

    private static string? NoEnvironment(string name) => null;

    private static AgentHostSettings Load(Dictionary<string, string> environment) =>
        AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));
}
