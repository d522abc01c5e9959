namespace AgentHost.Abstractions.Agents;

/// <summary>
/// Who the caller is, as established by the entry point from trusted sources only: verified JWT claims (AgentCore Runtime's
/// inbound authorizer) or the attributes the Amazon Connect bridge sends — never from model output.
/// </summary>
public sealed record CallerIdentity
{
    /// <summary>The caller's subject (e.g. the JWT <c>sub</c>, or the Connect customer reference), when known.</summary>
    public string? Subject { get; init; }

    /// <summary>The caller's profile for policy decisions (e.g. <c>retail</c>, <c>private-banking</c>), when known.</summary>
    public string? Profile { get; init; }

    /// <summary>Where the identity comes from: <c>jwt</c>, <c>connect</c>, <c>cli</c>, ...</summary>
    public string? Source { get; init; }

    /// <summary>True when the identity was verified (a validated token), false when it was only asserted by a trusted caller.</summary>
    public bool Verified { get; init; }

    /// <summary>Claims or attributes the identity carries (string values). Default: none.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
