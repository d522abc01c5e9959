using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentHost.Control.Policy;

/// <summary>
/// Reads a tool's MCP annotations from <see cref="AITool.AdditionalProperties"/>, where the gateway integration puts them
/// (one entry per hint, a <see cref="bool"/>, a boolean <see cref="JsonElement"/> or the strings <c>true</c>/<c>false</c>).
/// The keys are MCP's hint names, the same the gateway integration publishes (<c>ToolAnnotationKeys</c> in AgentHost.Abstractions).
/// The keys are <see cref="ReadOnlyKey"/>, <see cref="DestructiveKey"/>, <see cref="IdempotentKey"/>, <see cref="OpenWorldKey"/>.
/// </summary>
public static class ToolHintReader
{
    /// <summary>The key of MCP's <c>readOnlyHint</c>.</summary>
    public const string ReadOnlyKey = "readOnlyHint";

    /// <summary>The key of MCP's <c>destructiveHint</c>.</summary>
    public const string DestructiveKey = "destructiveHint";

    /// <summary>The key of MCP's <c>idempotentHint</c>.</summary>
    public const string IdempotentKey = "idempotentHint";

    /// <summary>The key of MCP's <c>openWorldHint</c>.</summary>
    public const string OpenWorldKey = "openWorldHint";

    /// <summary>The annotations of <paramref name="tool"/>; <see cref="ToolHints.None"/> for null or an unannotated tool.</summary>
    public static ToolHints Read(AITool? tool)
    {
        if (tool is null || tool.AdditionalProperties is not { Count: > 0 } properties)
        {
            return ToolHints.None;
        }

        var annotations = new ToolHints(
            Flag(properties, ReadOnlyKey),
            Flag(properties, DestructiveKey),
            Flag(properties, IdempotentKey),
            Flag(properties, OpenWorldKey));
        return annotations == ToolHints.None ? ToolHints.None : annotations;
    }

    private static bool? Flag(IReadOnlyDictionary<string, object?> properties, string key)
    {
        if (!properties.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            bool flag => flag,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            string text when bool.TryParse(text, out var parsed) => parsed,
            _ => null,
        };
    }
}
