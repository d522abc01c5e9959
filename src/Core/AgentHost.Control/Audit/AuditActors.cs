namespace AgentHost.Control.Audit;

/// <summary>The <see cref="Abstractions.Control.AuditEntry.Actor"/> values the host writes (approvers are named by themselves).</summary>
public static class AuditActors
{
    /// <summary>The agent (the model's tool call).</summary>
    public const string Agent = "agent";

    /// <summary>The policy engine.</summary>
    public const string Policy = "policy";

    /// <summary>The host itself (expiry, claims, outcome checks).</summary>
    public const string System = "system";
}
