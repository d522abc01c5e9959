namespace AgentHost.Core.Agents;

/// <summary>Limits that bound one agent turn.</summary>
public sealed class AgentLimits
{
    /// <summary>Maximum model calls per turn. Default: 20.</summary>
    public int MaxCycles { get; set; } = 20;

    /// <summary>Maximum tokens (input + output, summed over the turn's model calls) before the turn stops with <c>maxTokens</c>. Default: 200,000. Null: no limit.</summary>
    public long? MaxTokens { get; set; } = 200_000;

    /// <summary>Maximum duration of a turn; the turn stops with <c>deadline</c> when it passes. Default: null (no limit beyond the caller's own deadline).</summary>
    public TimeSpan? TurnTimeout { get; set; }

    /// <summary>Timeout of every tool call unless overridden in <see cref="ToolTimeouts"/>. Default: 30 seconds.</summary>
    public TimeSpan DefaultToolTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-tool timeouts, keyed by the tool name the model sees. Default: none.</summary>
    public IDictionary<string, TimeSpan> ToolTimeouts { get; set; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Maximum tool calls of one model response run at the same time. Default: 4.</summary>
    public int MaxConcurrentToolCalls { get; set; } = 4;

    /// <summary>Returns the timeout for a tool.</summary>
    public TimeSpan TimeoutFor(string toolName) =>
        ToolTimeouts.TryGetValue(toolName, out var timeout) ? timeout : DefaultToolTimeout;
}
