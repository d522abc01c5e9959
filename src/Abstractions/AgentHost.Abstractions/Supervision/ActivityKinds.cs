namespace AgentHost.Abstractions.Supervision;

/// <summary>The kinds of <see cref="ActivityEvent"/> (<see cref="ActivityEvent.Kind"/>).</summary>
public static class ActivityKinds
{
    /// <summary>A turn started (the customer's message follows as a <see cref="Message"/>).</summary>
    public const string TurnStarted = "turnStarted";

    /// <summary>A whole message (the customer's, or the model's after each model call; never single tokens).</summary>
    public const string Message = "message";

    /// <summary>A tool call is about to run (masked arguments, argument hash).</summary>
    public const string ToolCallStarted = "toolCallStarted";

    /// <summary>A tool call ended (status, duration, masked result, result hash, flags).</summary>
    public const string ToolCallFinished = "toolCallFinished";

    /// <summary>A call waits for human approval (details <c>requestId</c>).</summary>
    public const string ApprovalRequested = "approvalRequested";

    /// <summary>An approver decided in the console (details <c>requestId</c>, <c>verdict</c>).</summary>
    public const string ApprovalDecided = "approvalDecided";

    /// <summary>A middleware flagged a call (the flags are on the event).</summary>
    public const string Flag = "flag";

    /// <summary>A supervisor stored guidance for the session (not yet applied).</summary>
    public const string GuidanceAdded = "guidanceAdded";

    /// <summary>Guidance was injected into a model call (details <c>guidanceId</c>).</summary>
    public const string GuidanceApplied = "guidanceApplied";

    /// <summary>The conversation was escalated to a human.</summary>
    public const string Escalated = "escalated";

    /// <summary>A turn ended (status = stop reason; details <c>sentiment</c>).</summary>
    public const string TurnFinished = "turnFinished";

    /// <summary>Events of a turn beyond the per-turn bound were dropped (details <c>dropped</c>).</summary>
    public const string Truncated = "truncated";
}
