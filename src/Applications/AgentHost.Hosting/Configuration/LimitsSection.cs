namespace AgentHost.Hosting.Configuration;

/// <summary>Per-turn limits (section <c>Agent:Limits</c>). Durations are in seconds.</summary>
public sealed class LimitsSection
{
    /// <summary>Maximum model calls per turn, 1 to 1000. Default: 20.</summary>
    public int MaxCycles { get; set; } = 20;

    /// <summary>Maximum tokens per turn (input + output over all model calls); 0 for no limit. Default: 200000.</summary>
    public long MaxTokens { get; set; } = 200_000;

    /// <summary>Maximum turn duration in seconds; 0 for no limit beyond the caller's deadline. Default: 0.</summary>
    public double TurnTimeoutSeconds { get; set; }

    /// <summary>Default timeout of a tool call in seconds. Default: 30.</summary>
    public double ToolTimeoutSeconds { get; set; } = 30;

    /// <summary>Per-tool timeouts in seconds, keyed by tool name. Default: none.</summary>
    public Dictionary<string, double> ToolTimeouts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tool calls of one model response run at the same time, 1 to 64. Default: 4.</summary>
    public int MaxConcurrentToolCalls { get; set; } = 4;
}
