namespace AgentHost.Abstractions.Agents;

/// <summary>How a tool call ended. Every status other than <see cref="Success"/> is reported to the model as an error result.</summary>
public enum ToolCallStatus
{
    /// <summary>The tool ran and returned a result.</summary>
    Success,

    /// <summary>The tool threw, reported an error, or its arguments were invalid.</summary>
    Error,

    /// <summary>The tool did not finish within its timeout.</summary>
    Timeout,

    /// <summary>The model asked for a tool that does not exist.</summary>
    NotFound,

    /// <summary>A hook (policy, approval) refused the call.</summary>
    Denied,

    /// <summary>The turn was cancelled, interrupted or ran past its deadline before the tool finished.</summary>
    Cancelled,

    /// <summary>A middleware suspended the call (for example until a human approves it); it has not run yet.</summary>
    Pending,
}
