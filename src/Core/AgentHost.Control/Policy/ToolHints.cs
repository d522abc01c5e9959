namespace AgentHost.Control.Policy;

/// <summary>
/// A tool's MCP annotations (hints the tool's server publishes). Missing hints take MCP's defaults: not read-only,
/// destructive unless read-only, not idempotent, open world. Hints are trusted only as far as the server is trusted.
/// </summary>
/// <param name="ReadOnlyHint">MCP <c>readOnlyHint</c>, when published.</param>
/// <param name="DestructiveHint">MCP <c>destructiveHint</c>, when published.</param>
/// <param name="IdempotentHint">MCP <c>idempotentHint</c>, when published.</param>
/// <param name="OpenWorldHint">MCP <c>openWorldHint</c>, when published.</param>
public sealed record ToolHints(bool? ReadOnlyHint = null, bool? DestructiveHint = null, bool? IdempotentHint = null, bool? OpenWorldHint = null)
{
    /// <summary>No annotations (every hint at its MCP default).</summary>
    public static ToolHints None { get; } = new();

    /// <summary>True only when the tool says it is read-only.</summary>
    public bool ReadOnly => ReadOnlyHint ?? false;

    /// <summary>False for a read-only tool; otherwise the hint, or true (MCP's default).</summary>
    public bool Destructive => !ReadOnly && (DestructiveHint ?? true);

    /// <summary>The hint, or false.</summary>
    public bool Idempotent => IdempotentHint ?? false;

    /// <summary>The hint, or true.</summary>
    public bool OpenWorld => OpenWorldHint ?? true;
}
