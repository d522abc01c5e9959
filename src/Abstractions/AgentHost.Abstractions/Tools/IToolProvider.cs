using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>
/// Supplies the tools of an agent. The loop asks for the tools to offer before every model call (so a large catalog can be
/// narrowed to what the conversation needs) and resolves every tool call by name (so a tool found by a search in the same
/// turn is callable even if it was not offered).
/// </summary>
public interface IToolProvider
{
    /// <summary>The tools to offer the model for the next call.</summary>
    ValueTask<IReadOnlyList<AITool>> GetToolsAsync(ToolSelectionContext context, CancellationToken cancellationToken = default);

    /// <summary>Finds a callable tool by the name the model used, or returns null.</summary>
    ValueTask<AIFunction?> ResolveAsync(string name, CancellationToken cancellationToken = default);
}
