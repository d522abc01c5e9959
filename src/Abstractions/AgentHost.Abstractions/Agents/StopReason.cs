namespace AgentHost.Abstractions.Agents;

/// <summary>What ended an agent turn. Serialised on the wire in camelCase (see <see cref="StopReasonNames"/>).</summary>
public enum StopReason
{
    /// <summary>The model finished its answer (it asked for no more tools).</summary>
    EndTurn,

    /// <summary>The model stopped at one of the configured stop sequences.</summary>
    StopSequence,

    /// <summary>The turn used its maximum number of model calls.</summary>
    MaxCycles,

    /// <summary>The turn's token budget was used up, or the model hit its output token limit.</summary>
    MaxTokens,

    /// <summary>The model's provider filtered the content (content filter or guardrail).</summary>
    ContentFiltered,

    /// <summary>The caller cancelled the turn.</summary>
    Cancelled,

    /// <summary>The turn's deadline passed.</summary>
    Deadline,

    /// <summary>A hook interrupted the turn (for example an approval that must be resolved by a human).</summary>
    Interrupted,

    /// <summary>The model call failed and the turn could not continue.</summary>
    Error,

    /// <summary>A tool-call middleware suspended a call (see <c>ToolCallOutcome.Suspend</c>); a later invocation of the session resumes it.</summary>
    Suspended,

    /// <summary>A tool call waits for a human approval; a later invocation of the session resumes it once it is decided.</summary>
    AwaitingApproval,
}
