using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnToolCallingAsync"/>.</summary>
public sealed class ToolCallingContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public ToolCallingContext(InvocationContext invocation, IDictionary<string, object?> items, string callId, string toolName, AIFunction? tool, IDictionary<string, object?> arguments)
        : base(invocation, items)
    {
        CallId = callId;
        ToolName = toolName;
        Tool = tool;
        Arguments = arguments;
    }

    /// <summary>The model's id for the call.</summary>
    public string CallId { get; }

    /// <summary>The tool name the model used.</summary>
    public string ToolName { get; }

    /// <summary>The resolved tool, or null when no tool has that name.</summary>
    public AIFunction? Tool { get; }

    /// <summary>The arguments; replace the dictionary or its entries to change what the tool receives.</summary>
    public IDictionary<string, object?> Arguments { get; set; }

    /// <summary>Set when a hook denied the call: the reason the model will see.</summary>
    public string? DenyReason { get; private set; }

    /// <summary>Set when a hook interrupted the turn: the reason reported to the caller.</summary>
    public string? InterruptReason { get; private set; }

    /// <summary>Refuses the call. The model receives an error result with <paramref name="reason"/>; later before-hooks do not run.</summary>
    public void Deny(string reason) => DenyReason = reason;

    /// <summary>Refuses the call and ends the turn with <see cref="StopReason.Interrupted"/> once the current tool calls finished.</summary>
    public void Interrupt(string reason)
    {
        InterruptReason = reason;
        DenyReason ??= reason;
    }
}
