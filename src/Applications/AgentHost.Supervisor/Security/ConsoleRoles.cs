namespace AgentHost.Supervisor.Security;

/// <summary>
/// The console's roles (values of the configured role claim). Everyone signed in with at least one role may read the
/// conversations list, a conversation and the escalation page. Only <see cref="Supervisor"/> may send guidance and escalate,
/// only <see cref="Approver"/> may approve or reject, only <see cref="Auditor"/> may read a session's audit trail.
/// </summary>
public static class ConsoleRoles
{
    /// <summary>Watches conversations, sends guidance, escalates.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Watches conversations, approves or rejects tool calls waiting for approval.</summary>
    public const string Approver = "approver";

    /// <summary>Watches conversations, reads the audit trail (read-only).</summary>
    public const string Auditor = "auditor";

    /// <summary>Every role.</summary>
    public static readonly string[] All = [Supervisor, Approver, Auditor];

    /// <summary>The authorization policy names.</summary>
    internal const string ReadPolicy = "read";
}
