using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Approvals;
using AgentHost.Control.Audit;
using AgentHost.Control.Middleware;
using AgentHost.Control.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Control;

/// <summary>
/// The control layer composed in one place: the audit trail, the approval service and gate, and the tool-call middleware
/// in their fixed order — audit (outermost: every result), policy with approvals (its decision record, written before the
/// call, is the attempt record), then side effects (intents, innermost, next to the tool).
/// </summary>
public sealed class ControlLayer
{
    /// <summary>Composes the layer over its stores.</summary>
    public ControlLayer(
        ToolPolicy policy,
        IApprovalStore approvals,
        IToolIntentStore intents,
        IAuditStore audit,
        ControlOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(approvals);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(audit);
        var time = timeProvider ?? TimeProvider.System;
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        options ??= new ControlOptions();
        Policy = policy;
        ApprovalStore = approvals;
        IntentStore = intents;
        AuditStore = audit;
        AuditTrail = new AuditTrail(audit, time, loggers.CreateLogger<AuditTrail>());
        Approvals = new ApprovalService(approvals, AuditTrail, time, loggers.CreateLogger<ApprovalService>());
        Gate = new ApprovalGate(approvals, AuditTrail, policy, options, time, loggers.CreateLogger<ApprovalGate>());
        Middleware =
        [
            new AuditToolCallMiddleware(AuditTrail, time, recordAttempts: false),
            new PolicyToolCallMiddleware(policy, Gate, AuditTrail, loggers.CreateLogger<PolicyToolCallMiddleware>()),
            new SideEffectToolCallMiddleware(intents, AuditTrail, options, time, loggers.CreateLogger<SideEffectToolCallMiddleware>()),
        ];
    }

    /// <summary>The policy enforced.</summary>
    public ToolPolicy Policy { get; }

    /// <summary>The approval store.</summary>
    public IApprovalStore ApprovalStore { get; }

    /// <summary>The intent store.</summary>
    public IToolIntentStore IntentStore { get; }

    /// <summary>The audit store.</summary>
    public IAuditStore AuditStore { get; }

    /// <summary>The audit trail (append API for later features: guidance, escalation, sanitisation).</summary>
    public IAuditTrail AuditTrail { get; }

    /// <summary>The approval API (list, get, decide).</summary>
    public IApprovalService Approvals { get; }

    /// <summary>The runtime side of approvals.</summary>
    public ApprovalGate Gate { get; }

    /// <summary>The middleware, outermost first: register them in this order, before any other tool-call middleware that should see only allowed calls.</summary>
    public IReadOnlyList<IToolCallMiddleware> Middleware { get; }

    /// <summary>A layer with the given policy and in-memory stores (tests, stateless deployments).</summary>
    public static ControlLayer InMemory(ToolPolicy policy, ControlOptions? options = null, TimeProvider? timeProvider = null) =>
        new(policy, new Stores.InMemoryApprovalStore(), new Stores.InMemoryToolIntentStore(), new Stores.InMemoryAuditStore(), options, timeProvider);
}
