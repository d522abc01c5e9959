namespace AgentHost.Hosting.Configuration;

/// <summary>The control layer: policy, approvals, exactly-once side effects, audit (section <c>Control</c>).</summary>
public sealed class ControlSettings
{
    /// <summary>
    /// Enforce the policy, approvals, intents and the audit trail around every tool call. Default: true. Turning it off
    /// removes every control (for benchmarks and isolated development only).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The policy file (JSON, see <c>policy.schema.json</c>). Default: none (the shipped default policy).</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Read-only deployment: deny every tool that is not read-only, whatever the policy says. Default: false.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// The default approval timeout in seconds (60 to 2,592,000), replacing the policy file's <c>defaults.approvalTimeout</c>;
    /// rules with their own timeout keep it. Default: none (the policy's default, else 4 hours).
    /// </summary>
    public double? ApprovalTimeoutSeconds { get; set; }

    /// <summary>What the customer is told while a call waits for approval, when the model gave no text. Default: a sentence saying a colleague must approve.</summary>
    public string? ApprovalMessage { get; set; }

    /// <summary>
    /// Seconds after which an approved call claimed by a turn that never finished may be taken over by another turn (60 to 86,400;
    /// the intent store still prevents a second run). Default: 900.
    /// </summary>
    public double ClaimLeaseSeconds { get; set; } = 900;

    /// <summary>The SQLite file of approvals, intents and audit records. Default: next to the conversation database (<c>agenthost.db</c> → <c>agenthost.control.db</c>).</summary>
    public string? SqlitePath { get; set; }

    /// <summary>The DynamoDB control table (approvals, intents, audit heads). Default: the conversation table's name with <c>-control</c>.</summary>
    public string? DynamoDbControlTable { get; set; }

    /// <summary>The DynamoDB audit table (append-only). Default: the conversation table's name with <c>-audit</c>.</summary>
    public string? DynamoDbAuditTable { get; set; }

    /// <summary>
    /// Trust the claims of the inbound JWT (the <c>Authorization</c> bearer token) for the caller's identity, because the
    /// deployment's AgentCore Runtime inbound authorizer verified it. Never set this when the runtime does not verify tokens.
    /// Default: false.
    /// </summary>
    public bool TrustJwtClaims { get; set; }

    /// <summary>The JWT claim that holds the caller's policy profile (e.g. <c>custom:profile</c>, <c>cognito:groups</c>). Default: <c>profile</c>.</summary>
    public string ProfileClaim { get; set; } = "profile";

    /// <summary>
    /// The invocation attribute the Amazon Connect bridge sends with the caller's profile, trusted only when set here (the
    /// deployment says only the bridge can invoke the runtime). Default: none (attributes are never trusted).
    /// </summary>
    public string? TrustedProfileAttribute { get; set; }
}
