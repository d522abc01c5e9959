using System.Text.Json;

namespace AgentHost.DevGateway;

/// <summary>
/// One tool of the development gateway's catalog, as <c>tools/list</c> publishes it: the gateway-style
/// name <c>target___tool</c>, a description and a JSON Schema for the arguments.
/// </summary>
public sealed class DevGatewayToolDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="name">The full tool name, <c>target___tool</c> (or the search tool's name).</param>
    /// <param name="description">What the tool does, written for a model.</param>
    /// <param name="inputSchema">The JSON Schema of the arguments (an object schema).</param>
    public DevGatewayToolDefinition(string name, string description, JsonElement inputSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description ?? string.Empty;
        InputSchema = inputSchema.Clone();
        int separator = name.IndexOf(DevGatewayCatalog.TargetSeparator, StringComparison.Ordinal);
        Target = separator > 0 ? name[..separator] : string.Empty;
        ToolName = separator > 0 ? name[(separator + DevGatewayCatalog.TargetSeparator.Length)..] : name;
    }

    /// <summary>Gets the full tool name, for example <c>portfolio___get_portfolio</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the gateway target part of the name (<c>portfolio</c>), or empty for built-in tools.</summary>
    public string Target { get; }

    /// <summary>Gets the tool part of the name (<c>get_portfolio</c>).</summary>
    public string ToolName { get; }

    /// <summary>Gets the description.</summary>
    public string Description { get; }

    /// <summary>Gets the JSON Schema of the arguments.</summary>
    public JsonElement InputSchema { get; }

    /// <summary>Gets a human-readable title (MCP annotation <c>title</c>), or null.</summary>
    public string? Title { get; init; }

    /// <summary>Gets whether the tool only reads (MCP <c>readOnlyHint</c>), or null when not declared.</summary>
    public bool? ReadOnlyHint { get; init; }

    /// <summary>Gets whether the tool may make destructive updates, e.g. payments or overwriting data (MCP <c>destructiveHint</c>), or null.</summary>
    public bool? DestructiveHint { get; init; }

    /// <summary>Gets whether repeating the call has no further effect (MCP <c>idempotentHint</c>), or null.</summary>
    public bool? IdempotentHint { get; init; }

    /// <summary>Gets whether the tool reaches beyond the firm's own systems, e.g. the customer (MCP <c>openWorldHint</c>), or null.</summary>
    public bool? OpenWorldHint { get; init; }
}
