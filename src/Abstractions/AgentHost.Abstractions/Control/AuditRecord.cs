namespace AgentHost.Abstractions.Control;

/// <summary>
/// One immutable record of a session's audit chain: <see cref="Sequence"/> 1, 2, 3, ... and <see cref="PreviousHash"/> =
/// the previous record's <see cref="Hash"/> (64 zeros for the first), so that an edited, deleted, inserted, reordered or
/// truncated record is detected by verification. <see cref="Hash"/> is the SHA-256 of the record's canonical form
/// (every other member). Holds hashes and masked summaries only.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>The session (one chain per session).</summary>
    public required string SessionId { get; init; }

    /// <summary>The position in the chain, from 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the record was written (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The kind (see <see cref="AuditRecordKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>Who acted.</summary>
    public required string Actor { get; init; }

    /// <summary>The turn, when known.</summary>
    public string? TurnId { get; init; }

    /// <summary>The tool, when known.</summary>
    public string? ToolName { get; init; }

    /// <summary>The model's call id, when known.</summary>
    public string? CallId { get; init; }

    /// <summary>SHA-256 of the canonical arguments JSON.</summary>
    public string? ArgumentsHash { get; init; }

    /// <summary>SHA-256 of the result text.</summary>
    public string? ResultHash { get; init; }

    /// <summary>A status, when it has one.</summary>
    public string? Status { get; init; }

    /// <summary>A duration in milliseconds, when it has one.</summary>
    public double? DurationMs { get; init; }

    /// <summary>A masked summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Further short string facts.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }

    /// <summary>The previous record's <see cref="Hash"/>, or 64 zeros for the first record.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>The SHA-256 (lowercase hex) of this record's canonical form.</summary>
    public required string Hash { get; init; }
}
