using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Hooks;

/// <summary>Context of <see cref="AgentHook.OnToolCalledAsync"/>.</summary>
public sealed class ToolCalledContext : HookContext
{
    /// <summary>Creates the context.</summary>
    public ToolCalledContext(
        InvocationContext invocation,
        IDictionary<string, object?> items,
        string callId,
        string toolName,
        IDictionary<string, object?> arguments,
        object? result,
        ToolCallStatus status,
        Exception? exception,
        TimeSpan duration)
        : base(invocation, items)
    {
        CallId = callId;
        ToolName = toolName;
        Arguments = arguments;
        Result = result;
        Status = status;
        Exception = exception;
        Duration = duration;
    }

    /// <summary>The model's id for the call.</summary>
    public string CallId { get; }

    /// <summary>The tool name.</summary>
    public string ToolName { get; }

    /// <summary>The arguments the tool received.</summary>
    public IDictionary<string, object?> Arguments { get; }

    /// <summary>The result the model will see (for failures, the error text). Assign to rewrite it (e.g. sanitise).</summary>
    public object? Result { get; set; }

    /// <summary>How the call ended. A hook may change it (e.g. mark a result as an error).</summary>
    public ToolCallStatus Status { get; set; }

    /// <summary>The exception the tool failed with, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>How long the call took.</summary>
    public TimeSpan Duration { get; }
}
