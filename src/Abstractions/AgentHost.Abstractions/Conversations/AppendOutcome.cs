namespace AgentHost.Abstractions.Conversations;

/// <summary>What <see cref="IConversationStore.AppendTurnAsync"/> did.</summary>
public enum AppendOutcome
{
    /// <summary>The turn was stored.</summary>
    Appended,

    /// <summary>A turn with the same turn id was already stored; nothing was written.</summary>
    Duplicate,
}
