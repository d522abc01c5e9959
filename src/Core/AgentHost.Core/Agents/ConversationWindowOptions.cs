namespace AgentHost.Core.Agents;

/// <summary>Bounds of the conversation sent to the model. Old messages are dropped first; a tool call is never separated from its result.</summary>
public sealed class ConversationWindowOptions
{
    /// <summary>Maximum messages sent to the model (the current turn's messages are always kept). Default: 60.</summary>
    public int MaxMessages { get; set; } = 60;

    /// <summary>Approximate token budget of the history (about 4 characters per token). Default: 32,000.</summary>
    public int MaxApproxTokens { get; set; } = 32_000;

    /// <summary>Maximum earlier turns loaded from the conversation store per turn. Default: 30.</summary>
    public int MaxTurnsLoaded { get; set; } = 30;
}
