namespace AgentHost.Abstractions.Tools;

/// <summary>
/// What a tool-call middleware tells the telemetry about a call: the policy decision it took. The agent loop reads it when
/// the call ends and records it on the call's <c>execute_tool</c> span (attributes <c>agenthost.policy.decision</c> and
/// <c>agenthost.policy.rule</c>). Stored in <see cref="ToolCallContext.Items"/> under a key of the call, so concurrent calls
/// of one turn do not overwrite each other.
/// </summary>
/// <remarks>Record identifiers only (a decision such as <c>allow</c>, <c>deny</c>, <c>approval_required</c> and a rule id), never argument values.</remarks>
public static class ToolCallTelemetry
{
    private const string DecisionPrefix = "agenthost.policy.decision:";
    private const string RulePrefix = "agenthost.policy.rule:";

    /// <summary>The <see cref="ToolCallContext.Items"/> key of the policy decision of the call <paramref name="callId"/>.</summary>
    public static string PolicyDecisionKey(string callId) => DecisionPrefix + callId;

    /// <summary>The <see cref="ToolCallContext.Items"/> key of the policy rule that decided the call <paramref name="callId"/>.</summary>
    public static string PolicyRuleKey(string callId) => RulePrefix + callId;

    /// <summary>Records the policy decision for this call (the last one recorded wins).</summary>
    /// <param name="context">The call.</param>
    /// <param name="decision">A short, low-cardinality decision, e.g. <c>allow</c>, <c>deny</c>, <c>approval_required</c>.</param>
    /// <param name="rule">The id of the rule that decided, if any.</param>
    public static void RecordPolicyDecision(this ToolCallContext context, string decision, string? rule = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        lock (context.Items)
        {
            context.Items[PolicyDecisionKey(context.CallId)] = decision;
            if (rule is not null)
            {
                context.Items[PolicyRuleKey(context.CallId)] = rule;
            }
        }
    }

    /// <summary>Takes (reads and removes) the policy decision and rule recorded for a call; nulls when none was recorded.</summary>
    public static (string? Decision, string? Rule) TakePolicyDecision(IDictionary<string, object?> items, string callId)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(callId);
        lock (items)
        {
            var decision = items.Remove(PolicyDecisionKey(callId), out var d) ? d as string : null;
            var rule = items.Remove(PolicyRuleKey(callId), out var r) ? r as string : null;
            return (decision, rule);
        }
    }
}
