using System.Text.Json;

namespace AgentHost.Bedrock.Wire;

// Request shapes of Bedrock Runtime Converse / ConverseStream (member names from the AWS SDK model).

internal sealed class ConverseRequest
{
    public List<BedrockMessage> Messages { get; set; } = [];

    public List<SystemContentBlock>? System { get; set; }

    public InferenceConfiguration? InferenceConfig { get; set; }

    public ToolConfiguration? ToolConfig { get; set; }

    public JsonElement? AdditionalModelRequestFields { get; set; }

    public GuardrailConfiguration? GuardrailConfig { get; set; }
}

/// <summary><c>guardrailConfig</c> of Converse (<c>GuardrailConfiguration</c>) and ConverseStream (<c>GuardrailStreamConfiguration</c>, which adds <c>streamProcessingMode</c>).</summary>
internal sealed class GuardrailConfiguration
{
    public string GuardrailIdentifier { get; set; } = string.Empty;

    public string GuardrailVersion { get; set; } = string.Empty;

    public string? Trace { get; set; }

    public string? StreamProcessingMode { get; set; }
}

internal sealed class BedrockMessage
{
    public string Role { get; set; } = "user";

    public List<ContentBlock> Content { get; set; } = [];
}

internal sealed class SystemContentBlock
{
    public string? Text { get; set; }

    public CachePointBlock? CachePoint { get; set; }
}

internal sealed class CachePointBlock
{
    public string Type { get; set; } = "default";
}

internal sealed class InferenceConfiguration
{
    public int? MaxTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public List<string>? StopSequences { get; set; }
}

internal sealed class ToolConfiguration
{
    public List<ToolEntry> Tools { get; set; } = [];

    public ToolChoice? ToolChoice { get; set; }
}

internal sealed class ToolEntry
{
    public ToolSpecification? ToolSpec { get; set; }

    public CachePointBlock? CachePoint { get; set; }
}

internal sealed class ToolSpecification
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public ToolInputSchema InputSchema { get; set; } = new();
}

internal sealed class ToolInputSchema
{
    public JsonElement Json { get; set; }
}

internal sealed class ToolChoice
{
    public EmptyObject? Auto { get; set; }

    public EmptyObject? Any { get; set; }

    public SpecificToolChoice? Tool { get; set; }
}

internal sealed class SpecificToolChoice
{
    public string Name { get; set; } = string.Empty;
}

internal sealed class EmptyObject
{
    public static readonly EmptyObject Instance = new();
}
