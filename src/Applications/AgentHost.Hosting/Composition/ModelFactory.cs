using AgentHost.Bedrock;
using AgentHost.Hosting.Configuration;
using System.Runtime.CompilerServices;
using AgentHost.Models.Offline;
using AgentHost.Models.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Composition;

/// <summary>
/// Chooses the model provider at the bottom of the model pipeline: Bedrock, an OpenAI-compatible endpoint, or the offline
/// rule-based model (setting <c>Model:Provider</c>: <c>auto</c>, <c>bedrock</c>, <c>openai</c>, <c>offline</c>).
/// </summary>
public static class ModelFactory
{
    /// <summary>
    /// The provider for these settings and environment. <c>auto</c>: an OpenAI-compatible endpoint when its base URL is set and
    /// no Bedrock model is configured; Bedrock when a model id and AWS credentials are configured; the offline model otherwise.
    /// </summary>
    public static ModelProviderKind Choose(AgentHostSettings settings, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        environment ??= Environment.GetEnvironmentVariable;
        switch (settings.Model.Provider.ToUpperInvariant())
        {
            case "BEDROCK":
                return ModelProviderKind.Bedrock;
            case "OPENAI":
                return ModelProviderKind.OpenAI;
            case "OFFLINE":
                return ModelProviderKind.Offline;
        }

        var bedrock = CreateBedrockOptions(settings, environment);
        var bedrockModel = bedrock.ModelId ?? environment(BedrockChatClientOptions.ModelIdVariable) ?? environment(BedrockChatClientOptions.LegacyModelIdVariable);
        if (string.IsNullOrWhiteSpace(bedrockModel) && !string.IsNullOrWhiteSpace(settings.Model.OpenAI.BaseUrl))
        {
            return ModelProviderKind.OpenAI;
        }

        return BedrockConfiguration.IsConfigured(bedrock, environment) ? ModelProviderKind.Bedrock : ModelProviderKind.Offline;
    }

    /// <summary>Returns true when Bedrock will be used for these settings and environment.</summary>
    public static bool UsesBedrock(AgentHostSettings settings, Func<string, string?>? environment = null) =>
        Choose(settings, environment) == ModelProviderKind.Bedrock;

    /// <summary>Creates the model client and describes it.</summary>
    /// <exception cref="ConfigurationValidationException">The chosen provider cannot be created (no region, an invalid guardrail setting, no OpenAI base URL or model...); the message says what to set.</exception>
    public static (IChatClient Client, string Description) Create(AgentHostSettings settings, ILoggerFactory loggerFactory, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            switch (Choose(settings, environment))
            {
                case ModelProviderKind.Bedrock:
                    var options = CreateBedrockOptions(settings, environment).WithEnvironmentDefaults(environment);
                    var client = BedrockConfiguration.CreateChatClient(options, loggerFactory);
                    return (client, $"Bedrock {options.ModelId} ({options.ResolveRegion(environment) ?? "region from the AWS profile"})");
                case ModelProviderKind.OpenAI:
                    return CreateOpenAI(settings.Model.OpenAI, loggerFactory);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new ConfigurationValidationException(ex.Message, ex);
        }

        var offline = new OfflineChatClient(new OfflineChatClientOptions(), loggerFactory.CreateLogger<OfflineChatClient>());
        return (offline, "offline rule-based model (not a language model; set AGENTHOST_MODEL_ID and AWS credentials for Bedrock, or AGENTHOST_OPENAI_BASE_URL and AGENTHOST_OPENAI_MODEL for a local model)");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (IChatClient Client, string Description) CreateOpenAI(OpenAIProviderSection settings, ILoggerFactory loggerFactory)
    {
        // Not inlined: the OpenAI client's assemblies load only when this provider is chosen.
        var options = new OpenAICompatibleOptions
        {
            BaseUrl = Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var url) ? url : null,
            Model = settings.Model,
            ApiKey = settings.ApiKey,
            ApiKeyFile = settings.ApiKeyFile,
        };
        var client = OpenAICompatibleChatClientFactory.Create(options, loggerFactory);
        return (client, $"OpenAI-compatible {options.Model} at {options.BaseUrl}");
    }

    /// <summary>The Bedrock options for these settings: the environment defaults, then the model id, guardrail and cache points of the settings.</summary>
    public static BedrockChatClientOptions CreateBedrockOptions(AgentHostSettings settings, Func<string, string?>? environment = null)
    {
        var options = BedrockChatClientOptions.FromEnvironment(environment);
        if (!string.IsNullOrWhiteSpace(settings.Agent.Model.ModelId))
        {
            options.ModelId = settings.Agent.Model.ModelId;
        }

        // Guardrails and cache points come from the settings (section Model:Bedrock, where their variables are read and validated).
        var bedrock = settings.Model.Bedrock;
        options.GuardrailIdentifier = string.IsNullOrWhiteSpace(bedrock.GuardrailId) ? null : bedrock.GuardrailId.Trim();
        options.GuardrailVersion = bedrock.GuardrailVersion.Trim();
        options.GuardrailTrace = bedrock.GuardrailTrace.Trim().ToLowerInvariant();
        options.GuardrailStreamProcessingMode = string.IsNullOrWhiteSpace(bedrock.GuardrailStreamMode) ? null : bedrock.GuardrailStreamMode.Trim().ToLowerInvariant();
        options.SetCachePoints(bedrock.PromptCaching);
        return options;
    }
}
