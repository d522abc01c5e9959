namespace AgentHost.Supervision;

/// <summary>Settings of the supervision features (see the README's "Supervisor console" section for the matching settings).</summary>
public sealed class SupervisionOptions
{
    /// <summary>
    /// How often the background writer flushes buffered activity events of a running turn. The start and the end of a turn
    /// are flushed at once. Writes per turn are at most (turn duration / interval) + 2. Default: 250 ms.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most activity events kept per turn; beyond it one <c>truncated</c> event counts the dropped ones. Default: 64.</summary>
    public int MaxEventsPerTurn { get; set; } = 64;

    /// <summary>The longest message text in the feed, in characters (longer texts are cut). Default: 2,000.</summary>
    public int MaxMessageChars { get; set; } = 2_000;

    /// <summary>
    /// How long "no pending guidance" is remembered for a session between model calls of one turn. The first model call of
    /// every turn always reads the store. Default: 1 second.
    /// </summary>
    public TimeSpan GuidanceCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tool-name globs whose successful call escalates the conversation. Default: <c>*escalate_to_human</c>.</summary>
    public IReadOnlyList<string> EscalationTools { get; set; } = ["*escalate_to_human"];

    /// <summary>How many per-turn sentiment scores a session keeps. Default: 8.</summary>
    public int SentimentWindow { get; set; } = 8;

    /// <summary>The longest guidance text accepted, in characters. Default: 2,000.</summary>
    public int MaxGuidanceChars { get; set; } = 2_000;
}
