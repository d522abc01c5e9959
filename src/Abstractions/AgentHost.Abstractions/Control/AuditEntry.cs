namespace AgentHost.Abstractions.Control;

/// <summary>
/// What to append to a session's audit chain (<see cref="IAuditTrail.AppendAsync"/>); the trail adds the sequence number,
/// the time and the hashes. Never put raw personal data or secrets here: hashes and masked summaries only.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The session whose chain receives the record.</summary>
    public required string SessionId { get; init; }

    /// <summary>The kind (see <see cref="AuditRecordKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Who acted: <c>agent</c>, <c>policy</c>, <c>system</c>, or a person (an approver's name).</summary>
    public required string Actor { get; init; }

    /// <summary>The turn, when the record belongs to one.</summary>
    public string? TurnId { get; init; }

    /// <summary>The tool, when the record is about a tool call.</summary>
    public string? ToolName { get; init; }

    /// <summary>The model's call id, when known.</summary>
    public string? CallId { get; init; }

    /// <summary>SHA-256 of the canonical arguments JSON (lowercase hex).</summary>
    public string? ArgumentsHash { get; init; }

    /// <summary>SHA-256 of the result text (lowercase hex).</summary>
    public string? ResultHash { get; init; }

    /// <summary>A status (tool call status, decision, verdict), when it has one.</summary>
    public string? Status { get; init; }

    /// <summary>A duration in milliseconds, when it has one.</summary>
    public double? DurationMs { get; init; }

    /// <summary>A masked summary (no raw personal data or secrets).</summary>
    public string? Summary { get; init; }

    /// <summary>Further short string facts (rule id, request id, verdict...). Never raw values.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
