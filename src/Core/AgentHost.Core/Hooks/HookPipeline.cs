using AgentHost.Abstractions.Hooks;
using Microsoft.Extensions.Logging;

namespace AgentHost.Core.Hooks;

/// <summary>
/// Runs the registered hooks: "before" callbacks in registration order (an exception propagates and fails the step),
/// "after" callbacks in reverse order, always all of them (an exception is logged and the next hook still runs).
/// </summary>
internal sealed partial class HookPipeline
{
    private readonly AgentHook[] _hooks;
    private readonly ILogger _logger;

    public HookPipeline(IEnumerable<AgentHook> hooks, ILogger logger)
    {
        _hooks = hooks.ToArray();
        _logger = logger;
    }

    public bool IsEmpty => _hooks.Length == 0;

    public async ValueTask TurnStartingAsync(TurnStartingContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnTurnStartingAsync(context, cancellationToken);
        }
    }

    public async ValueTask ModelCallingAsync(ModelCallingContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnModelCallingAsync(context, cancellationToken);
        }
    }

    /// <summary>Runs before-tool hooks until one denies the call.</summary>
    public async ValueTask ToolCallingAsync(ToolCallingContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnToolCallingAsync(context, cancellationToken);
            if (context.DenyReason is not null)
            {
                return;
            }
        }
    }

    public async ValueTask MessageAddedAsync(MessageAddedContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnMessageAddedAsync(context, cancellationToken);
        }
    }

    public ValueTask TurnCompletedAsync(TurnCompletedContext context, CancellationToken cancellationToken) =>
        RunAfterAsync(static (hook, c, ct) => hook.OnTurnCompletedAsync(c, ct), context, nameof(AgentHook.OnTurnCompletedAsync), cancellationToken);

    public ValueTask ModelCalledAsync(ModelCalledContext context, CancellationToken cancellationToken) =>
        RunAfterAsync(static (hook, c, ct) => hook.OnModelCalledAsync(c, ct), context, nameof(AgentHook.OnModelCalledAsync), cancellationToken);

    public ValueTask ToolCalledAsync(ToolCalledContext context, CancellationToken cancellationToken) =>
        RunAfterAsync(static (hook, c, ct) => hook.OnToolCalledAsync(c, ct), context, nameof(AgentHook.OnToolCalledAsync), cancellationToken);

    /// <summary>Runs an "after" callback of every hook in reverse order; a failing hook is logged and the others still run.</summary>
    private async ValueTask RunAfterAsync<TContext>(Func<AgentHook, TContext, CancellationToken, ValueTask> callback, TContext context, string callbackName, CancellationToken cancellationToken)
    {
        for (var i = _hooks.Length - 1; i >= 0; i--)
        {
            try
            {
                await callback(_hooks[i], context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogAfterHookFailed(_logger, ex, _hooks[i].GetType().Name, callbackName);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Hook {HookType}.{Callback} threw; the remaining hooks still ran")]
    private static partial void LogAfterHookFailed(ILogger logger, Exception exception, string hookType, string callback);
}
