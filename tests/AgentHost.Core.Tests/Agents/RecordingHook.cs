using AgentHost.Abstractions.Hooks;

namespace AgentHost.Core.Tests.Agents;

/// <summary>A hook that records the callbacks it receives into a shared log.</summary>
internal class RecordingHook(string name, List<string> log) : AgentHook
{
    protected string Name => name;

    protected void Record(string what)
    {
        lock (log)
        {
            log.Add($"{name}:{what}");
        }
    }

    public override ValueTask OnTurnStartingAsync(TurnStartingContext context, CancellationToken cancellationToken)
    {
        Record("turn-starting");
        return default;
    }

    public override ValueTask OnTurnCompletedAsync(TurnCompletedContext context, CancellationToken cancellationToken)
    {
        Record("turn-completed:" + context.Result.Outcome.StopReason);
        return default;
    }

    public override ValueTask OnModelCallingAsync(ModelCallingContext context, CancellationToken cancellationToken)
    {
        Record("model-calling:" + context.Cycle);
        return default;
    }

    public override ValueTask OnModelCalledAsync(ModelCalledContext context, CancellationToken cancellationToken)
    {
        Record("model-called:" + context.Cycle + (context.Exception is null ? string.Empty : ":failed"));
        return default;
    }

    public override ValueTask OnToolCallingAsync(ToolCallingContext context, CancellationToken cancellationToken)
    {
        Record("tool-calling:" + context.ToolName);
        return default;
    }

    public override ValueTask OnToolCalledAsync(ToolCalledContext context, CancellationToken cancellationToken)
    {
        Record("tool-called:" + context.ToolName + ":" + context.Status);
        return default;
    }

    public override ValueTask OnMessageAddedAsync(MessageAddedContext context, CancellationToken cancellationToken)
    {
        Record("message:" + context.Message.Role);
        return default;
    }
}
