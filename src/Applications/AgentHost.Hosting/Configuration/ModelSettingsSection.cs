namespace AgentHost.Hosting.Configuration;

/// <summary>Model id and inference settings (section <c>Agent:Model</c>).</summary>
public sealed class ModelSettingsSection
{
    /// <summary>The Bedrock model id or inference profile id. Default: none (Bedrock is then not used).</summary>
    public string? ModelId { get; set; }

    /// <summary>Temperature, 0 to 1. Default: the model's.</summary>
    public float? Temperature { get; set; }

    /// <summary>Top-p, 0 to 1. Default: the model's.</summary>
    public float? TopP { get; set; }

    /// <summary>Maximum output tokens per model call. Default: the model's.</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Stop sequences. Default: none.</summary>
    public List<string> StopSequences { get; set; } = [];
}
