namespace AgentHost.Control.Audit;

/// <summary>The result of verifying one or more audit chains.</summary>
/// <param name="Sessions">How many sessions were checked.</param>
/// <param name="Records">How many records were checked.</param>
/// <param name="Breaks">The first broken link of every broken session (empty when every chain is intact).</param>
public sealed record AuditVerification(int Sessions, long Records, IReadOnlyList<AuditBreak> Breaks)
{
    /// <summary>True when every chain checked is intact.</summary>
    public bool IsValid => Breaks.Count == 0;
}
