namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// Everything a human needs to take over a conversation, built from the shared stores (conversation, activity feed,
/// approvals, guidance): who the customer is (masked), what they asked, what the AI found and did, what failed, the
/// approvals still pending, the supervisors' notes and a suggested next step. Bounded: every list holds at most
/// <see cref="MaxItems"/> lines of at most <see cref="MaxLineLength"/> characters, so that it fits Amazon Connect contact
/// attributes. Texts are masked (no raw tool arguments or results).
/// </summary>
public sealed record EscalationPackage
{
    /// <summary>The most lines a list holds.</summary>
    public const int MaxItems = 5;

    /// <summary>The longest line, in characters.</summary>
    public const int MaxLineLength = 240;

    /// <summary>The session.</summary>
    public required string SessionId { get; init; }

    /// <summary>The Amazon Connect contact id, when known.</summary>
    public string? ContactId { get; init; }

    /// <summary>The channel, when known.</summary>
    public string? Channel { get; init; }

    /// <summary>The customer, masked, with the identity verification status (e.g. <c>cu…42 (identity verified)</c>).</summary>
    public required string Customer { get; init; }

    /// <summary>Why it was escalated (the tool's reason, a policy, a supervisor's note), when known.</summary>
    public string? Reason { get; init; }

    /// <summary>What the customer asked, oldest first (masked, bounded).</summary>
    public IReadOnlyList<string> Asked { get; init; } = [];

    /// <summary>What the AI found and did: successful tool calls with masked results, and its last answer.</summary>
    public IReadOnlyList<string> FoundAndDid { get; init; } = [];

    /// <summary>What failed: failed, denied or timed-out tool calls and turn errors.</summary>
    public IReadOnlyList<string> Failed { get; init; } = [];

    /// <summary>Tool calls still waiting for approval (tool, masked arguments, request id).</summary>
    public IReadOnlyList<string> PendingApprovals { get; init; } = [];

    /// <summary>The supervisors' guidance and notes, oldest first.</summary>
    public IReadOnlyList<string> SupervisorNotes { get; init; } = [];

    /// <summary>A suggested next step for the human agent (derived by rules, labelled as such in the console).</summary>
    public required string SuggestedNextStep { get; init; }

    /// <summary>Recent per-turn sentiment scores (lexicon method), when any.</summary>
    public string? Sentiment { get; init; }

    /// <summary>When the package was built.</summary>
    public required DateTimeOffset BuiltAt { get; init; }
}
