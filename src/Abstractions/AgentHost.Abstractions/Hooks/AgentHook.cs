namespace AgentHost.Abstractions.Hooks;

/// <summary>
/// Typed extension points of the agent loop. Override only the callbacks you need; every default does nothing.
/// Hooks run in registration order for "before" callbacks and in reverse order for "after" callbacks, so that a hook
/// registered first wraps all others (as middleware does). "After" callbacks run even when the step failed: check the
/// context's <c>Exception</c>. Policy checks, approvals, audit, sanitisation and supervisor guidance plug in here.
/// </summary>
/// <remarks>
/// A hook that throws from a "before" callback fails that step: for a tool call, the model receives an error result;
/// for a model call or the turn start, the turn ends with <c>error</c>. Exceptions from "after" callbacks are logged and
/// do not stop the remaining after-hooks.
/// </remarks>
public abstract class AgentHook
{
    /// <summary>Before the turn starts (the user's message is known; no model call yet).</summary>
    public virtual ValueTask OnTurnStartingAsync(TurnStartingContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After the turn ended, however it ended.</summary>
    public virtual ValueTask OnTurnCompletedAsync(TurnCompletedContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before each model call. May add messages for this call only (e.g. supervisor guidance) or change the options.</summary>
    public virtual ValueTask OnModelCallingAsync(ModelCallingContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After each model call, with its response or its exception.</summary>
    public virtual ValueTask OnModelCalledAsync(ModelCalledContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Before each tool call. May deny it, replace its arguments or interrupt the turn.</summary>
    public virtual ValueTask OnToolCallingAsync(ToolCallingContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After each tool call, however it ended. May rewrite the result the model will see.</summary>
    public virtual ValueTask OnToolCalledAsync(ToolCalledContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>After a message was added to the conversation of the turn.</summary>
    public virtual ValueTask OnMessageAddedAsync(MessageAddedContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
