using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>Which model client to use (section <c>Model</c>).</summary>
public sealed class ModelProviderSettings
{
    /// <summary>
    /// <c>auto</c> (Bedrock when AWS credentials and a model id are configured, otherwise the offline model),
    /// <c>bedrock</c> or <c>offline</c>. Default: <c>auto</c>.
    /// </summary>
    [AllowedValues("auto", "bedrock", "offline")]
    [Setting(Aliases = ["AGENTHOST_MODEL_PROVIDER"])]
    public string Provider { get; set; } = "auto";
}
