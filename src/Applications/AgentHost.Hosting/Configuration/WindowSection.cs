using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>The conversation window (section <c>Agent:Window</c>).</summary>
public sealed class WindowSection
{
    /// <summary>Maximum messages sent to the model, 2 to 10000. Default: 60.</summary>
    [Range(2, 10_000)]
    public int MaxMessages { get; set; } = 60;

    /// <summary>Approximate token budget of the history (4 characters per token), 100 to 10000000. Default: 32000.</summary>
    [Range(100, 10_000_000)]
    public int MaxApproxTokens { get; set; } = 32_000;

    /// <summary>Earlier turns loaded from the store per turn, 1 to 10000. Default: 30.</summary>
    [Range(1, 10_000)]
    public int MaxTurnsLoaded { get; set; } = 30;
}
