using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Policy;

/// <summary>What the policy decided for one call, and why.</summary>
public sealed record PolicyDecision
{
    /// <summary>The rule id used when no rule matched a call that is not read-only (denied: fail closed).</summary>
    public const string NoRuleId = "(no rule)";

    /// <summary>The rule id used when no rule matched a read-only call (allowed, low risk).</summary>
    public const string ReadOnlyDefaultId = "(read-only tool)";

    /// <summary>The rule id used when the deployment is read-only and the tool is not (denied).</summary>
    public const string ReadOnlyModeId = "(read-only mode)";

    /// <summary>Allow or deny.</summary>
    public required PolicyEffect Effect { get; init; }

    /// <summary>The deciding rule's id (or one of the built-in ids above).</summary>
    public required string RuleId { get; init; }

    /// <summary>The risk level.</summary>
    public RiskLevel Risk { get; init; }

    /// <summary>Who must approve (automatic for denials).</summary>
    public ApprovalMode Approval { get; init; }

    /// <summary>How long an approval may wait.</summary>
    public TimeSpan ApprovalTimeout { get; init; }

    /// <summary>A sentence saying why (the rule's description, or the built-in reason).</summary>
    public required string Reason { get; init; }

    /// <summary>How each rule tried fared, in order (for <c>policy explain</c>).</summary>
    public IReadOnlyList<string> Trace { get; init; } = [];

    /// <summary>True when the call needs a human decision.</summary>
    public bool NeedsApproval => Effect == PolicyEffect.Allow && Approval != ApprovalMode.Automatic;
}
