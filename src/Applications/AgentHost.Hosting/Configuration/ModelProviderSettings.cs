using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>Which model client to use and its provider settings (section <c>Model</c>).</summary>
public sealed class ModelProviderSettings
{
    /// <summary>
    /// <c>auto</c> (an OpenAI-compatible endpoint when its base URL is set and no Bedrock model is configured; Bedrock when AWS
    /// credentials and a model id are configured; otherwise the offline model), <c>bedrock</c>, <c>openai</c> or <c>offline</c>.
    /// Default: <c>auto</c>.
    /// </summary>
    [AllowedValues("auto", "bedrock", "openai", "offline")]
    [Setting(Aliases = ["AGENTHOST_MODEL_PROVIDER"])]
    public string Provider { get; set; } = "auto";

    /// <summary>The OpenAI-compatible endpoint (section <c>Model:OpenAI</c>).</summary>
    public OpenAIProviderSection OpenAI { get; set; } = new();

    /// <summary>Bedrock guardrails and prompt caching (section <c>Model:Bedrock</c>).</summary>
    public BedrockProviderSection Bedrock { get; set; } = new();
}
