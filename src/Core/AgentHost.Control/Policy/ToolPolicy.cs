using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Policy;

/// <summary>
/// Risk policy as code: ordered rules (the first match decides), failing closed. A call no rule matches is allowed only
/// when the tool is read-only (low risk, automatic); otherwise it is denied. In a read-only deployment
/// (<see cref="ReadOnlyMode"/>) every tool that is not read-only is denied before any rule is tried. Immutable and thread-safe.
/// </summary>
public sealed class ToolPolicy
{
    /// <summary>The approval timeout when neither the rule nor the policy's defaults give one: 4 hours.</summary>
    public static readonly TimeSpan DefaultApprovalTimeout = TimeSpan.FromHours(4);

    /// <summary>Creates a policy.</summary>
    /// <param name="rules">The rules, in the order they are tried.</param>
    /// <param name="approvalTimeout">The default approval timeout; null for <see cref="DefaultApprovalTimeout"/>.</param>
    /// <param name="source">Where the policy comes from (a file path), for messages.</param>
    /// <param name="readOnlyMode">Deny every tool that is not read-only.</param>
    public ToolPolicy(IReadOnlyList<PolicyRule> rules, TimeSpan? approvalTimeout = null, string source = "(code)", bool readOnlyMode = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        ApprovalTimeout = approvalTimeout ?? DefaultApprovalTimeout;
        Source = source;
        ReadOnlyMode = readOnlyMode;
    }

    /// <summary>The rules in the order they are tried.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>The default approval timeout.</summary>
    public TimeSpan ApprovalTimeout { get; }

    /// <summary>Where the policy comes from.</summary>
    public string Source { get; }

    /// <summary>True when every tool that is not read-only is denied.</summary>
    public bool ReadOnlyMode { get; }

    /// <summary>Returns the same rules in (or out of) read-only mode.</summary>
    public ToolPolicy WithReadOnlyMode(bool readOnlyMode) => readOnlyMode == ReadOnlyMode ? this : new(Rules, ApprovalTimeout, Source, readOnlyMode);

    /// <summary>Decides a call.</summary>
    public PolicyDecision Evaluate(PolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var trace = new List<string>();
        var readOnly = request.Annotations.ReadOnly;
        if (ReadOnlyMode && !readOnly)
        {
            trace.Add("read-only mode: the tool is not read-only");
            return new PolicyDecision
            {
                Effect = PolicyEffect.Deny,
                RuleId = PolicyDecision.ReadOnlyModeId,
                Risk = RiskLevel.High,
                Reason = "this deployment is read-only and the tool is not read-only",
                Trace = trace,
            };
        }

        foreach (var rule in Rules)
        {
            if (!rule.Matches(request, out var why))
            {
                trace.Add($"rule {rule.Id}{LineOf(rule)}: no match, {why}");
                continue;
            }

            trace.Add($"rule {rule.Id}{LineOf(rule)}: match, {why}");
            return new PolicyDecision
            {
                Effect = rule.Effect,
                RuleId = rule.Id,
                Risk = rule.Risk,
                Approval = rule.Effect == PolicyEffect.Allow ? rule.Approval : ApprovalMode.Automatic,
                ApprovalTimeout = rule.ApprovalTimeout ?? ApprovalTimeout,
                Reason = rule.Description ?? $"rule {rule.Id}",
                Trace = trace,
            };
        }

        trace.Add(readOnly ? "no rule matched; the tool is read-only" : "no rule matched; the tool is not read-only");
        return readOnly
            ? new PolicyDecision { Effect = PolicyEffect.Allow, RuleId = PolicyDecision.ReadOnlyDefaultId, Risk = RiskLevel.Low, Reason = "no rule matched a read-only tool", Trace = trace, ApprovalTimeout = ApprovalTimeout }
            : new PolicyDecision { Effect = PolicyEffect.Deny, RuleId = PolicyDecision.NoRuleId, Risk = RiskLevel.High, Reason = "no policy rule allows this tool", Trace = trace, ApprovalTimeout = ApprovalTimeout };
    }

    private static string LineOf(PolicyRule rule) => rule.Line > 0 ? $" (line {rule.Line})" : string.Empty;
}
