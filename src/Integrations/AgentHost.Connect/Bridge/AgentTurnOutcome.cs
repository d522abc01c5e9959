namespace AgentHost.Connect.Bridge;

/// <summary>The result of a turn call.</summary>
public sealed class AgentTurnOutcome
{
    /// <summary>Completed, still running, or failed.</summary>
    public required AgentTurnStatus Status { get; init; }

    /// <summary>The answer (completed turns).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The runtime's stop reason (completed turns).</summary>
    public string? StopReason { get; init; }

    /// <summary>The tool calls of the turn (completed turns).</summary>
    public IReadOnlyList<AgentToolCall> ToolCalls { get; init; } = [];

    /// <summary>True when the runtime returned a stored or earlier run of the same turn id.</summary>
    public bool Replayed { get; init; }

    /// <summary>Why the call failed.</summary>
    public AgentTurnFailure Failure { get; init; }

    /// <summary>A description of the failure for the log (status code, error type; never message contents).</summary>
    public string? FailureDetail { get; init; }

    /// <summary>A finished turn.</summary>
    public static AgentTurnOutcome Completed(string text, string? stopReason, IReadOnlyList<AgentToolCall> toolCalls, bool replayed = false)
        => new() { Status = AgentTurnStatus.Completed, Text = text, StopReason = stopReason, ToolCalls = toolCalls, Replayed = replayed };

    /// <summary>A turn that goes on in the runtime.</summary>
    public static AgentTurnOutcome Running() => new() { Status = AgentTurnStatus.Running };

    /// <summary>A failed call.</summary>
    public static AgentTurnOutcome Failed(AgentTurnFailure failure, string detail)
        => new() { Status = AgentTurnStatus.Failed, Failure = failure, FailureDetail = detail };
}
