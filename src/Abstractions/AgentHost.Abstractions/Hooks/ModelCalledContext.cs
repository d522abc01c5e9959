using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnModelCalledAsync"/>.</summary>
public sealed class ModelCalledContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public ModelCalledContext(InvocationContext invocation, IDictionary<string, object?> items, int cycle, ChatResponse? response, Exception? exception, TimeSpan duration)
        : base(invocation, items)
    {
        Cycle = cycle;
        Response = response;
        Exception = exception;
        Duration = duration;
    }

    /// <summary>The model call number in this turn (1-based).</summary>
    public int Cycle { get; }

    /// <summary>The model's response, or null when the call failed.</summary>
    public ChatResponse? Response { get; }

    /// <summary>The exception the call failed with, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>How long the call took.</summary>
    public TimeSpan Duration { get; }
}
