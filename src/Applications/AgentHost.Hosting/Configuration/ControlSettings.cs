using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>The control layer: policy, approvals, exactly-once side effects, audit (section <c>Control</c>).</summary>
public sealed class ControlSettings
{
    /// <summary>
    /// Enforce the policy, approvals, intents and the audit trail around every tool call. Default: true. Turning it off
    /// removes every control (for benchmarks and isolated development only).
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_CONTROL"])]
    public bool Enabled { get; set; } = true;

    /// <summary>The policy file (JSON, see <c>policy.schema.json</c>). Default: none (the shipped default policy).</summary>
    [Setting(Aliases = ["AGENTHOST_POLICY_FILE"], Unset = "the shipped default policy")]
    public string? PolicyFile { get; set; }

    /// <summary>Read-only deployment: deny every tool that is not read-only, whatever the policy says. Default: false.</summary>
    [Setting(Aliases = ["AGENTHOST_READ_ONLY"])]
    public bool ReadOnly { get; set; }

    /// <summary>
    /// The default approval timeout in seconds (60 to 2,592,000), replacing the policy file's <c>defaults.approvalTimeout</c>;
    /// rules with their own timeout keep it. Default: none (the policy's default, else 4 hours).
    /// </summary>
    [Range(60, 2_592_000)]
    [Setting(Aliases = ["AGENTHOST_APPROVAL_TIMEOUT_SECONDS"], Unit = "seconds", Unset = "the policy's default (4 h)")]
    public double? ApprovalTimeoutSeconds { get; set; }

    /// <summary>What the customer is told while a call waits for approval, when the model gave no text. Default: a sentence saying a colleague must approve.</summary>
    [Setting(Aliases = ["AGENTHOST_APPROVAL_MESSAGE"], Unset = "a sentence saying a colleague must approve")]
    public string? ApprovalMessage { get; set; }

    /// <summary>
    /// Seconds after which an approved call claimed by a turn that never finished may be taken over by another turn (60 to 86,400;
    /// the intent store still prevents a second run). Default: 900.
    /// </summary>
    [Range(60, 86_400)]
    [Setting(Aliases = ["AGENTHOST_APPROVAL_CLAIM_LEASE_SECONDS"], Unit = "seconds")]
    public double ClaimLeaseSeconds { get; set; } = 900;

    /// <summary>The SQLite file of approvals, intents and audit records. Default: next to the conversation database (<c>agenthost.db</c> → <c>agenthost.control.db</c>).</summary>
    [Setting(Aliases = ["AGENTHOST_CONTROL_SQLITE_PATH"], Unset = "next to the conversation database (agenthost.control.db)")]
    public string? SqlitePath { get; set; }

    /// <summary>The DynamoDB control table (approvals, intents, audit heads). Default: the conversation table's name with <c>-control</c>.</summary>
    [Setting(Aliases = ["AGENTHOST_DYNAMODB_CONTROL_TABLE"], Unset = "the conversation table's name with -control")]
    public string? DynamoDbControlTable { get; set; }

    /// <summary>The DynamoDB audit table (append-only). Default: the conversation table's name with <c>-audit</c>.</summary>
    [Setting(Aliases = ["AGENTHOST_DYNAMODB_AUDIT_TABLE"], Unset = "the conversation table's name with -audit")]
    public string? DynamoDbAuditTable { get; set; }

    /// <summary>
    /// Trust the claims of the inbound JWT (the <c>Authorization</c> bearer token) for the caller's identity, because the
    /// deployment's AgentCore Runtime inbound authorizer verified it. Never set this when the runtime does not verify tokens.
    /// Default: false.
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_TRUST_JWT_CLAIMS"])]
    public bool TrustJwtClaims { get; set; }

    /// <summary>The JWT claim that holds the caller's policy profile (e.g. <c>custom:profile</c>, <c>cognito:groups</c>). Default: <c>profile</c>.</summary>
    [Required]
    [Setting(Aliases = ["AGENTHOST_PROFILE_CLAIM"])]
    public string ProfileClaim { get; set; } = "profile";

    /// <summary>
    /// The invocation attribute the Amazon Connect bridge sends with the caller's profile, trusted only when set here (the
    /// deployment says only the bridge can invoke the runtime). Default: none (attributes are never trusted).
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_TRUSTED_PROFILE_ATTRIBUTE"], Unset = "none (attributes are never trusted)")]
    public string? TrustedProfileAttribute { get; set; }
}
