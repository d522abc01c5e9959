namespace AgentHost.Bedrock.Wire;

// Payloads of ConverseStream events.

internal sealed class ContentBlockStartEvent
{
    public int ContentBlockIndex { get; set; }

    public ContentBlockStart? Start { get; set; }
}

internal sealed class ContentBlockStart
{
    public ToolUseStart? ToolUse { get; set; }
}

internal sealed class ToolUseStart
{
    public string ToolUseId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}

internal sealed class ContentBlockDeltaEvent
{
    public int ContentBlockIndex { get; set; }

    public ContentBlockDelta? Delta { get; set; }
}

internal sealed class ContentBlockDelta
{
    public string? Text { get; set; }

    public ToolUseDelta? ToolUse { get; set; }

    public ReasoningDelta? ReasoningContent { get; set; }
}

internal sealed class ToolUseDelta
{
    public string? Input { get; set; }
}

internal sealed class ReasoningDelta
{
    public string? Text { get; set; }

    public string? Signature { get; set; }
}

internal sealed class ContentBlockStopEvent
{
    public int ContentBlockIndex { get; set; }
}

internal sealed class MessageStopEvent
{
    public string? StopReason { get; set; }
}

internal sealed class MetadataEvent
{
    public TokenUsageDto? Usage { get; set; }

    public MetricsDto? Metrics { get; set; }

    /// <summary>The trace (<c>trace.guardrail</c>), kept as raw JSON.</summary>
    public System.Text.Json.JsonElement? Trace { get; set; }
}

internal sealed class ExceptionEvent
{
    public string? Message { get; set; }
}
