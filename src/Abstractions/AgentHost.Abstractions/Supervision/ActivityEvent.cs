namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// One entry of a session's live activity feed (<see cref="IActivityFeed"/>): what the supervisor console and
/// <c>agenthost sessions watch</c> show while a turn runs. Never carries raw tool arguments or results: only masked
/// summaries and hashes. Message texts are bounded and pass through the host's text masking.
/// </summary>
public sealed record ActivityEvent
{
    /// <summary>The session.</summary>
    public required string SessionId { get; init; }

    /// <summary>The position in the session's feed, assigned by the store (1, 2, 3...); 0 before it is stored.</summary>
    public long Sequence { get; init; }

    /// <summary>The kind (see <see cref="ActivityKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The turn, when the event belongs to one.</summary>
    public string? TurnId { get; init; }

    /// <summary>Who speaks for a message: <c>customer</c>, <c>agent</c> or <c>supervisor</c>.</summary>
    public string? Role { get; init; }

    /// <summary>A message text (bounded, masked), or a short description.</summary>
    public string? Text { get; init; }

    /// <summary>The tool, for tool-call events.</summary>
    public string? ToolName { get; init; }

    /// <summary>The model's call id, for tool-call events.</summary>
    public string? CallId { get; init; }

    /// <summary>A status: the tool call's status, the turn's stop reason, an approval's status.</summary>
    public string? Status { get; init; }

    /// <summary>A masked summary (arguments or result: names, numbers, string lengths).</summary>
    public string? Summary { get; init; }

    /// <summary>SHA-256 of the canonical arguments or of the result text (lowercase hex), to match the audit trail.</summary>
    public string? Hash { get; init; }

    /// <summary>A duration in milliseconds, when it has one.</summary>
    public double? DurationMs { get; init; }

    /// <summary>Markers set by middleware (e.g. <c>sanitised:pii</c>, <c>outcomeUnknown</c>), when any.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>Further short string facts (request id, guidance id, sentiment score...). Never raw values.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
