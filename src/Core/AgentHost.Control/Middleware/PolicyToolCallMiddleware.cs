using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Approvals;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;
using AgentHost.Control.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Control.Middleware;

/// <summary>
/// Enforces the <see cref="ToolPolicy"/> before every tool call and audits each decision: a denial ends the call, an
/// automatic allow lets it run, a supervisor or committee allow hands it to the <see cref="ApprovalGate"/>, which suspends
/// it. A call resumed from an approval suspension goes to the gate again. If the policy cannot be applied or its decision
/// cannot be audited, the call is denied (fail closed).
/// </summary>
public sealed partial class PolicyToolCallMiddleware : IToolCallMiddleware
{
    private readonly ToolPolicy _policy;
    private readonly ApprovalGate _gate;
    private readonly IAuditTrail _audit;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    public PolicyToolCallMiddleware(ToolPolicy policy, ApprovalGate gate, IAuditTrail audit, ILogger<PolicyToolCallMiddleware>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(audit);
        _policy = policy;
        _gate = gate;
        _audit = audit;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Resumption is { } resumption)
        {
            return resumption.Call.Suspension.Kind == ApprovalIds.SuspensionKind
                ? await _gate.ResumeAsync(context, next, cancellationToken).ConfigureAwait(false)
                : await next(context, cancellationToken).ConfigureAwait(false);
        }

        if (context.Tool is null)
        {
            // No such tool: nothing can run; the loop answers "not found".
            return await next(context, cancellationToken).ConfigureAwait(false);
        }

        PolicyDecision decision;
        string argumentsHash;
        try
        {
            argumentsHash = ControlHashes.Arguments(context.ArgumentsJson);
            decision = _policy.Evaluate(ToolCallFacts.PolicyRequest(context));
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = context.Invocation.SessionId,
                    Kind = AuditRecordKinds.PolicyDecision,
                    Actor = AuditActors.Policy,
                    TurnId = context.Invocation.TurnId,
                    ToolName = context.ToolName,
                    CallId = context.CallId,
                    ArgumentsHash = argumentsHash,
                    Status = decision.Effect == PolicyEffect.Allow ? "allow" : "deny",
                    Summary = ArgumentMasker.Summarize(context.ArgumentsJson),
                    Details = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["rule"] = decision.RuleId,
                        ["risk"] = RiskName(decision.Risk),
                        ["approval"] = ApprovalName(decision.Approval),
                        ["profile"] = context.Invocation.Caller?.Profile ?? "-",
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPolicyFailed(_logger, ex, context.ToolName, ex.GetType().Name);
            return ToolCallOutcome.Denied("the policy could not be applied to this call, so it was not made");
        }

        if (decision.Effect == PolicyEffect.Deny)
        {
            LogDenied(_logger, context.ToolName, decision.RuleId);
            return ToolCallOutcome.Denied($"{decision.Reason} (policy rule {decision.RuleId})");
        }

        if (!decision.NeedsApproval)
        {
            return await next(context, cancellationToken).ConfigureAwait(false);
        }

        return await _gate.RequestAsync(context, decision, argumentsHash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The policy file's spelling of a risk level.</summary>
    public static string RiskName(RiskLevel risk) => risk switch
    {
        RiskLevel.Low => "low",
        RiskLevel.Medium => "medium",
        _ => "high",
    };

    /// <summary>The policy file's spelling of an approval mode.</summary>
    public static string ApprovalName(ApprovalMode mode) => mode switch
    {
        ApprovalMode.Automatic => "automatic",
        ApprovalMode.Supervisor => "supervisor",
        _ => "committee",
    };

    [LoggerMessage(EventId = 10200, Level = LogLevel.Information, Message = "Tool {ToolName} denied by policy rule {RuleId}")]
    private static partial void LogDenied(ILogger logger, string toolName, string ruleId);

    [LoggerMessage(EventId = 10201, Level = LogLevel.Error, Message = "The policy could not be applied to tool {ToolName} ({ErrorType}); the call is denied")]
    private static partial void LogPolicyFailed(ILogger logger, Exception exception, string toolName, string errorType);
}
