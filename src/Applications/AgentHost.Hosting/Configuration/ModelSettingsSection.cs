using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>Model id and inference settings (section <c>Agent:Model</c>).</summary>
public sealed class ModelSettingsSection
{
    /// <summary>The Bedrock model id or inference profile id; with AWS credentials it selects Bedrock. Default: none (Bedrock is then not used).</summary>
    [Setting(Aliases = ["AGENTHOST_MODEL_ID", "AGENTHOST_BEDROCK_MODEL_ID", "BEDROCK_MODEL_ID"])]
    public string? ModelId { get; set; }

    /// <summary>Temperature, 0 to 1. Default: the model's.</summary>
    [Range(0d, 1d)]
    [Setting(Unset = "the model's")]
    public float? Temperature { get; set; }

    /// <summary>Top-p, 0 to 1. Default: the model's.</summary>
    [Range(0d, 1d)]
    [Setting(Unset = "the model's")]
    public float? TopP { get; set; }

    /// <summary>Maximum output tokens per model call, 1 to 1000000. Default: the model's.</summary>
    [Range(1, 1_000_000)]
    [Setting(Unset = "the model's")]
    public int? MaxOutputTokens { get; set; }

    /// <summary>Stop sequences (a list, or one comma-separated value). Default: none.</summary>
    public List<string> StopSequences { get; set; } = [];
}
