using System.Text.Json;

namespace AgentHost.Control.Policy;

/// <summary>What the policy decides on: the tool, its annotations, the caller's profile, the channel and the arguments.</summary>
public sealed record PolicyRequest
{
    /// <summary>The tool name the model used.</summary>
    public required string ToolName { get; init; }

    /// <summary>Other names of the same tool (the gateway's <c>target___tool</c> name). Default: none.</summary>
    public IReadOnlyList<string> AlternateNames { get; init; } = [];

    /// <summary>The tool's annotations. Default: none (MCP defaults).</summary>
    public ToolHints Annotations { get; init; } = ToolHints.None;

    /// <summary>The caller's profile from a trusted source (never model output), when known.</summary>
    public string? Profile { get; init; }

    /// <summary>The channel, when known.</summary>
    public string? Channel { get; init; }

    /// <summary>The arguments (a JSON object).</summary>
    public JsonElement Arguments { get; init; }

    /// <summary>Every name of the tool.</summary>
    public IEnumerable<string> Names => AlternateNames.Count == 0 ? [ToolName] : AlternateNames.Prepend(ToolName);
}
