using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Hooks;

/// <summary>What every hook context carries: the invocation and a property bag shared by the hooks of one turn.</summary>
public abstract class HookContext
{
    /// <summary>Creates the context.</summary>
    protected HookContext(InvocationContext invocation, IDictionary<string, object?> items)
    {
        Invocation = invocation;
        Items = items;
    }

    /// <summary>The invocation (session, turn id, channel, attributes).</summary>
    public InvocationContext Invocation { get; }

    /// <summary>State shared by all hooks for the duration of one turn.</summary>
    public IDictionary<string, object?> Items { get; }
}
