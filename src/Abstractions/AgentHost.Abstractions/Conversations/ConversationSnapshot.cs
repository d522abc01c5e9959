namespace AgentHost.Abstractions.Conversations;

/// <summary>What a turn needs to continue a conversation: the header and the most recent turns.</summary>
/// <param name="Header">The session header, or null when the session does not exist yet.</param>
/// <param name="RecentTurns">The most recent turns, oldest first. Message contents may be truncated for the prompt (see the store's documentation).</param>
public sealed record ConversationSnapshot(SessionHeader? Header, IReadOnlyList<TurnRecord> RecentTurns)
{
    /// <summary>The sequence number the next turn must use.</summary>
    public long NextSequence => (Header?.TurnCount ?? 0) + 1;

    /// <summary>An empty snapshot (a new session).</summary>
    public static ConversationSnapshot Empty { get; } = new(null, []);
}
