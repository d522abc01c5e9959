using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnTurnCompletedAsync"/>.</summary>
public sealed class TurnCompletedContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public TurnCompletedContext(InvocationContext invocation, IDictionary<string, object?> items, AgentTurnResult result, Exception? exception)
        : base(invocation, items)
    {
        Result = result;
        Exception = exception;
    }

    /// <summary>The result of the turn.</summary>
    public AgentTurnResult Result { get; }

    /// <summary>The exception that ended the turn, if any.</summary>
    public Exception? Exception { get; }
}
