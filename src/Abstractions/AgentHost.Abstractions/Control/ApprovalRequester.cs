namespace AgentHost.Abstractions.Control;

/// <summary>
/// Who asked for the call, as the entry point established it from trusted sources (verified claims, trusted Connect
/// attributes; never model output). Identifiers only: no personal data beyond the subject.
/// </summary>
public sealed record ApprovalRequester
{
    /// <summary>The caller's subject (JWT <c>sub</c>, Connect customer reference), when known.</summary>
    public string? Subject { get; init; }

    /// <summary>The caller's policy profile, when known.</summary>
    public string? Profile { get; init; }

    /// <summary>Where the identity comes from (<c>jwt</c>, <c>connect</c>, <c>cli</c>), when known.</summary>
    public string? Source { get; init; }

    /// <summary>True when the identity was verified (a validated token).</summary>
    public bool Verified { get; init; }
}
