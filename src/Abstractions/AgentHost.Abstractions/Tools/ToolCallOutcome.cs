using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Tools;

/// <summary>How a tool call ended, as returned through the <see cref="IToolCallMiddleware"/> chain. Immutable.</summary>
public sealed class ToolCallOutcome
{
    private ToolCallOutcome(ToolCallStatus status, object? result, Exception? exception, ToolCallSuspension? suspension, IReadOnlyList<string> flags, string? interruptReason)
    {
        Status = status;
        Result = result;
        Exception = exception;
        Suspension = suspension;
        Flags = flags;
        InterruptReason = interruptReason;
    }

    /// <summary>How the call ended.</summary>
    public ToolCallStatus Status { get; }

    /// <summary>The tool's result (success), or the text the model sees (every other status).</summary>
    public object? Result { get; }

    /// <summary>The exception the tool failed with, if any (never shown to callers; the model sees <see cref="Result"/>).</summary>
    public Exception? Exception { get; }

    /// <summary>Set when <see cref="Status"/> is <see cref="ToolCallStatus.Pending"/>: why and how the call waits.</summary>
    public ToolCallSuspension? Suspension { get; }

    /// <summary>
    /// Short markers for people who review the call (e.g. <c>sanitised:injection</c>, <c>outcomeUnknown</c>): stored with the
    /// tool call record and reported in the invocation response. Never raw values.
    /// </summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>Set when the turn must end (with <see cref="StopReason.Interrupted"/>) once the current tool calls finished.</summary>
    public string? InterruptReason { get; }

    /// <summary>The call succeeded with <paramref name="result"/>.</summary>
    public static ToolCallOutcome Success(object? result) => new(ToolCallStatus.Success, result, null, null, [], null);

    /// <summary>The call failed; the model sees <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="status"/> is <see cref="ToolCallStatus.Success"/> or <see cref="ToolCallStatus.Pending"/>.</exception>
    public static ToolCallOutcome Failure(ToolCallStatus status, string message, Exception? exception = null)
    {
        if (status is ToolCallStatus.Success or ToolCallStatus.Pending)
        {
            throw new ArgumentException($"A failure cannot have the status {status}.", nameof(status));
        }

        ArgumentNullException.ThrowIfNull(message);
        return new(status, message, exception, null, [], null);
    }

    /// <summary>The call was refused (policy, allow/deny); the model sees <c>The tool call was denied: {reason}</c>.</summary>
    public static ToolCallOutcome Denied(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(ToolCallStatus.Denied, $"The tool call was denied: {reason}", null, null, [], null);
    }

    /// <summary>
    /// The call is suspended: it has not run, the turn ends (with <see cref="ToolCallSuspension.StopReason"/>) once the other
    /// calls of the same model response finished, and every later invocation of the session offers it again to the chain with
    /// <see cref="ToolCallContext.Resumption"/> set, until a middleware lets it run or ends it.
    /// </summary>
    public static ToolCallOutcome Suspend(ToolCallSuspension suspension)
    {
        ArgumentNullException.ThrowIfNull(suspension);
        return new(ToolCallStatus.Pending, suspension.ModelMessage, null, suspension, [], null);
    }

    /// <summary>Returns a copy that also ends the turn with <see cref="StopReason.Interrupted"/> after the current tool calls.</summary>
    public ToolCallOutcome WithInterrupt(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(Status, Result, Exception, Suspension, Flags, reason);
    }

    /// <summary>Returns a copy with another result (e.g. a sanitised one); the status stays.</summary>
    public ToolCallOutcome WithResult(object? result) => new(Status, result, Exception, Suspension, Flags, InterruptReason);

    /// <summary>Returns a copy carrying one more flag (ignored when already present).</summary>
    public ToolCallOutcome WithFlag(string flag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flag);
        if (Flags.Contains(flag, StringComparer.Ordinal))
        {
            return this;
        }

        return new(Status, Result, Exception, Suspension, [.. Flags, flag], InterruptReason);
    }
}
