using AgentHost.Abstractions.Control;

namespace AgentHost.Testing.Control;

/// <summary>The three stores of the control layer, as one store kind provides them.</summary>
public sealed record ControlStores(IApprovalStore Approvals, IToolIntentStore Intents, IAuditStore Audit);
