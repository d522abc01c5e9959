using Microsoft.Extensions.AI;

namespace AgentHost.Testing.Models;

/// <summary>One recorded call to the scripted model.</summary>
/// <param name="Messages">The messages sent.</param>
/// <param name="Options">The options sent.</param>
public sealed record ScriptedCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    /// <summary>The names of the tools offered.</summary>
    public IReadOnlyList<string> ToolNames => Options?.Tools?.Select(t => t.Name).ToList() ?? [];
}
