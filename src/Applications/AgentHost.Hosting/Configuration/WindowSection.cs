namespace AgentHost.Hosting.Configuration;

/// <summary>The conversation window (section <c>Agent:Window</c>).</summary>
public sealed class WindowSection
{
    /// <summary>Maximum messages sent to the model. Default: 60.</summary>
    public int MaxMessages { get; set; } = 60;

    /// <summary>Approximate token budget of the history (4 characters per token). Default: 32000.</summary>
    public int MaxApproxTokens { get; set; } = 32_000;

    /// <summary>Earlier turns loaded from the store per turn. Default: 30.</summary>
    public int MaxTurnsLoaded { get; set; } = 30;
}
