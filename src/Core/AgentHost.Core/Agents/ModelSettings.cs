namespace AgentHost.Core.Agents;

/// <summary>Model id and inference settings applied to every model call of an agent.</summary>
public sealed class ModelSettings
{
    /// <summary>The model id (a Bedrock model id or inference profile id). Default: null (the model client's own default).</summary>
    public string? ModelId { get; set; }

    /// <summary>Sampling temperature, 0 to 1. Default: null (the model's default).</summary>
    public float? Temperature { get; set; }

    /// <summary>Nucleus sampling, 0 to 1. Default: null (the model's default).</summary>
    public float? TopP { get; set; }

    /// <summary>Maximum output tokens per model call. Default: null (the model's default).</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Stop sequences. Default: none.</summary>
    public IList<string> StopSequences { get; set; } = [];
}
