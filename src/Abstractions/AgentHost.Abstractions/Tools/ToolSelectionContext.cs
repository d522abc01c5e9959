using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>What a tool provider may look at to choose the tools for the next model call.</summary>
/// <param name="Invocation">The invocation.</param>
/// <param name="Messages">The conversation as the model will see it.</param>
/// <param name="Cycle">The upcoming model call number (1-based).</param>
public sealed record ToolSelectionContext(InvocationContext Invocation, IReadOnlyList<ChatMessage> Messages, int Cycle);
