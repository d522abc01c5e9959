namespace AgentHost.Abstractions.Supervision;

/// <summary>Values of <see cref="LiveSession.Status"/>.</summary>
public static class LiveSessionStatuses
{
    /// <summary>A turn is running now.</summary>
    public const string Running = "running";

    /// <summary>No turn is running; the conversation waits for the customer.</summary>
    public const string Idle = "idle";

    /// <summary>The last turn ended waiting for a human approval.</summary>
    public const string AwaitingApproval = "awaitingApproval";

    /// <summary>The conversation was escalated to a human.</summary>
    public const string Escalated = "escalated";
}
