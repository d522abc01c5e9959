using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>Per-turn limits (section <c>Agent:Limits</c>). Durations are in seconds.</summary>
public sealed class LimitsSection
{
    /// <summary>Maximum model calls per turn, 1 to 1000. Default: 20.</summary>
    [Range(1, 1000)]
    public int MaxCycles { get; set; } = 20;

    /// <summary>Maximum tokens per turn (input + output over all model calls); 0 for no limit. Default: 200000.</summary>
    [Range(0d, long.MaxValue)]
    public long MaxTokens { get; set; } = 200_000;

    /// <summary>Maximum turn duration in seconds, up to a day; 0 for no limit beyond the caller's deadline. Default: 0.</summary>
    [Range(0, 86_400)]
    [Setting(Unit = "seconds")]
    public double TurnTimeoutSeconds { get; set; }

    /// <summary>Default timeout of a tool call in seconds, more than 0 and at most 3600. Default: 30.</summary>
    [Range(0d, 3_600d, MinimumIsExclusive = true)]
    [Setting(Unit = "seconds")]
    public double ToolTimeoutSeconds { get; set; } = 30;

    /// <summary>Per-tool timeouts in seconds, keyed by tool name, each more than 0 and at most 3600. Default: none.</summary>
    [Range(0d, 3_600d, MinimumIsExclusive = true)]
    [Setting(Unit = "seconds")]
    public Dictionary<string, double> ToolTimeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tool calls of one model response run at the same time, 1 to 64. Default: 4.</summary>
    [Range(1, 64)]
    public int MaxConcurrentToolCalls { get; set; } = 4;
}
