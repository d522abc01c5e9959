namespace AgentHost.Abstractions.Control;

/// <summary>
/// The kinds of <see cref="AuditRecord"/> (<see cref="AuditRecord.Kind"/>). Later features append their own kinds
/// through <see cref="IAuditTrail.AppendAsync"/>; the constants below are the ones the host writes or reserves.
/// </summary>
public static class AuditRecordKinds
{
    /// <summary>The model asked for a tool call (before policy). The host's control layer records attempts as <see cref="PolicyDecision"/> records, which carry the same facts.</summary>
    public const string ToolCallAttempt = "toolCallAttempt";

    /// <summary>
    /// A tool-call attempt and the policy's decision on it, written before the call: tool, call id, argument hash, masked
    /// arguments; status <c>allow</c>/<c>deny</c>; details <c>rule</c>, <c>risk</c>, <c>approval</c>, <c>profile</c>.
    /// </summary>
    public const string PolicyDecision = "policyDecision";

    /// <summary>An approval request was created (details <c>requestId</c>, <c>rule</c>, <c>mode</c>, <c>expiresAt</c>).</summary>
    public const string ApprovalRequested = "approvalRequested";

    /// <summary>An approver decided (actor = the approver; details <c>requestId</c>, <c>verdict</c>).</summary>
    public const string ApprovalDecided = "approvalDecided";

    /// <summary>A decision was refused (replayed, mismatched, forged, too late).</summary>
    public const string ApprovalDecisionRefused = "approvalDecisionRefused";

    /// <summary>An undecided request expired: the call is rejected.</summary>
    public const string ApprovalExpired = "approvalExpired";

    /// <summary>An approved call was claimed by a turn to run it.</summary>
    public const string ApprovalClaimed = "approvalClaimed";

    /// <summary>A tool call ended (status, duration, result hash).</summary>
    public const string ToolResult = "toolResult";

    /// <summary>A retry found an intent without an outcome: the tool was not run again; a human must check.</summary>
    public const string OutcomeUnknown = "outcomeUnknown";

    /// <summary>Reserved: a supervisor's guidance to the agent.</summary>
    public const string SupervisorGuidance = "supervisorGuidance";

    /// <summary>Reserved: the conversation was escalated to a human.</summary>
    public const string Escalation = "escalation";

    /// <summary>Reserved: a sanitiser flagged or changed a tool result or message.</summary>
    public const string SanitisationFlag = "sanitisationFlag";

    /// <summary>A model call was stopped by a content filter (a Bedrock guardrail intervened); the turn ends <c>contentFiltered</c>.</summary>
    public const string ModelContentFiltered = "modelContentFiltered";
}
