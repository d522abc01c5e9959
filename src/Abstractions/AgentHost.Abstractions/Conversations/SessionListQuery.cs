namespace AgentHost.Abstractions.Conversations;

/// <summary>Which sessions <see cref="IConversationStore.ListSessionsAsync"/> returns.</summary>
public sealed record SessionListQuery
{
    /// <summary>Only sessions with this status; null for any status. Default: null.</summary>
    public string? Status { get; init; }

    /// <summary>Only sessions updated at or after this instant; null for no bound. Default: null.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>The maximum number of sessions to return. Default: 50.</summary>
    public int Limit { get; init; } = 50;
}
