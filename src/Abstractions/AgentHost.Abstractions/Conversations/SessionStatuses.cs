namespace AgentHost.Abstractions.Conversations;

/// <summary>Well-known session status values.</summary>
public static class SessionStatuses
{
    /// <summary>The conversation is going on.</summary>
    public const string Active = "active";

    /// <summary>The conversation was handed to a human.</summary>
    public const string Escalated = "escalated";

    /// <summary>The conversation ended.</summary>
    public const string Closed = "closed";
}
