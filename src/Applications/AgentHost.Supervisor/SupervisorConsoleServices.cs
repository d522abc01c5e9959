using AgentHost.Abstractions.Control;
using AgentHost.Supervision;

namespace AgentHost.Supervisor;

/// <summary>What the console works on: the shared stores through the supervision layer, and the control layer's approvals and audit store (null when the control layer is off).</summary>
/// <param name="Supervision">The activity feed, guidance, escalation.</param>
/// <param name="Approvals">The approval API (list, decide), or null.</param>
/// <param name="Audit">The audit store (the auditor's page), or null.</param>
/// <param name="Time">The clock.</param>
public sealed record SupervisorConsoleServices(SupervisionLayer Supervision, IApprovalService? Approvals, IAuditStore? Audit, TimeProvider Time);
