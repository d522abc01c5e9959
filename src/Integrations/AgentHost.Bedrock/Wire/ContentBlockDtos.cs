using System.Text.Json;

namespace AgentHost.Bedrock.Wire;

// Content blocks of Converse messages (a union: exactly one member is set).

internal sealed class ContentBlock
{
    public string? Text { get; set; }

    public ImageBlock? Image { get; set; }

    public DocumentBlock? Document { get; set; }

    public ToolUseBlock? ToolUse { get; set; }

    public ToolResultBlock? ToolResult { get; set; }

    public ReasoningContentBlock? ReasoningContent { get; set; }

    public CachePointBlock? CachePoint { get; set; }
}

internal sealed class ImageBlock
{
    public string Format { get; set; } = "png";

    public BytesSource Source { get; set; } = new();
}

internal sealed class DocumentBlock
{
    public string Format { get; set; } = "txt";

    public string Name { get; set; } = "document";

    public BytesSource Source { get; set; } = new();
}

internal sealed class BytesSource
{
    public byte[]? Bytes { get; set; }
}

internal sealed class ToolUseBlock
{
    public string ToolUseId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public JsonElement Input { get; set; }
}

internal sealed class ToolResultBlock
{
    public string ToolUseId { get; set; } = string.Empty;

    public List<ToolResultContentBlock> Content { get; set; } = [];

    public string? Status { get; set; }
}

internal sealed class ToolResultContentBlock
{
    public string? Text { get; set; }

    public JsonElement? Json { get; set; }

    public ImageBlock? Image { get; set; }

    public DocumentBlock? Document { get; set; }
}

internal sealed class ReasoningContentBlock
{
    public ReasoningTextBlock? ReasoningText { get; set; }

    public byte[]? RedactedContent { get; set; }
}

internal sealed class ReasoningTextBlock
{
    public string? Text { get; set; }

    public string? Signature { get; set; }
}
