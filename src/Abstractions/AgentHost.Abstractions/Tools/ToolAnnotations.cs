using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>Reads the behaviour hints of a tool (<see cref="ToolAnnotationKeys"/>), applying MCP's defaults when a hint is absent.</summary>
public static class ToolAnnotations
{
    /// <summary>Whether the tool declares that it does not modify its environment (absent: false).</summary>
    public static bool IsReadOnly(this AITool tool) => Flag(tool, ToolAnnotationKeys.ReadOnlyHint) ?? false;

    /// <summary>Whether the tool may perform destructive updates (absent: true unless the tool is read-only).</summary>
    public static bool IsDestructive(this AITool tool) => !tool.IsReadOnly() && (Flag(tool, ToolAnnotationKeys.DestructiveHint) ?? true);

    /// <summary>Whether repeated calls with the same arguments have no additional effect (absent: false; read-only tools: true).</summary>
    public static bool IsIdempotent(this AITool tool) => tool.IsReadOnly() || (Flag(tool, ToolAnnotationKeys.IdempotentHint) ?? false);

    /// <summary>Whether the tool reaches external entities (absent: true).</summary>
    public static bool IsOpenWorld(this AITool tool) => Flag(tool, ToolAnnotationKeys.OpenWorldHint) ?? true;

    /// <summary>The hint under <paramref name="key"/>, or null when the tool does not declare it.</summary>
    public static bool? Flag(AITool tool, string key)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool.AdditionalProperties.TryGetValue(key, out var value) && value is bool flag ? flag : null;
    }
}
