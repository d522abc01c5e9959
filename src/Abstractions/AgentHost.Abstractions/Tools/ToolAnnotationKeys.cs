namespace AgentHost.Abstractions.Tools;

/// <summary>
/// Keys of <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> under which tool providers publish a tool's
/// behaviour hints (MCP tool annotations), so that policies can decide on them (e.g. from <see cref="ToolCallContext.Tool"/>).
/// A key is absent when the tool does not say. Hints come from the tool's server: they describe, they do not guarantee.
/// </summary>
/// <remarks>
/// MCP's defaults when a hint is absent: <c>readOnlyHint</c> false, <c>destructiveHint</c> true (meaningful only when not
/// read-only), <c>idempotentHint</c> false, <c>openWorldHint</c> true. <see cref="ToolAnnotations.IsReadOnly"/> and the other
/// helpers apply them.
/// </remarks>
public static class ToolAnnotationKeys
{
    /// <summary>The tool does not modify its environment (a <see cref="bool"/>).</summary>
    public const string ReadOnlyHint = "readOnlyHint";

    /// <summary>The tool may perform destructive updates, e.g. payments, refunds, deletions (a <see cref="bool"/>).</summary>
    public const string DestructiveHint = "destructiveHint";

    /// <summary>Calling the tool again with the same arguments has no additional effect (a <see cref="bool"/>).</summary>
    public const string IdempotentHint = "idempotentHint";

    /// <summary>The tool interacts with an open world of external entities (a <see cref="bool"/>).</summary>
    public const string OpenWorldHint = "openWorldHint";

    /// <summary>A human-readable title of the tool (a <see cref="string"/>).</summary>
    public const string Title = "title";
}
