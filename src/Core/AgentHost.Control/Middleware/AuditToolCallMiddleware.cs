using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;

namespace AgentHost.Control.Middleware;

/// <summary>
/// The outermost control middleware: audits every tool-call attempt before anything else happens (unless the policy's
/// decision record stands for it), and every result
/// (status, duration, result hash, masked summary) after, together with the entries inner middleware deferred to it
/// (<see cref="DeferredAudit"/>: one store write). If the attempt cannot be audited the call does not run; if the
/// result cannot be audited, the model is told the call failed to be recorded and must not be retried, and the call is
/// flagged <c>auditFailed</c> (fail closed). A resumed call that is still waiting leaves no record.
/// </summary>
public sealed class AuditToolCallMiddleware : IToolCallMiddleware
{
    /// <summary>The flag set on a call whose result could not be audited.</summary>
    public const string AuditFailedFlag = "auditFailed";

    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly bool _recordAttempts;

    /// <summary>Creates the middleware.</summary>
    /// <param name="audit">The audit trail.</param>
    /// <param name="timeProvider">The clock for durations.</param>
    /// <param name="recordAttempts">
    /// Write an attempt record before each call. <see cref="ControlLayer"/> turns it off because the policy's decision record,
    /// written before the call, is the attempt record (tool, call id, argument hash and masked arguments); a call the policy does
    /// not see (no such tool) is still recorded by its result record. Default: true.
    /// </param>
    public AuditToolCallMiddleware(IAuditTrail audit, TimeProvider? timeProvider = null, bool recordAttempts = true)
    {
        ArgumentNullException.ThrowIfNull(audit);
        _audit = audit;
        _time = timeProvider ?? TimeProvider.System;
        _recordAttempts = recordAttempts;
    }

    /// <inheritdoc />
    public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var invocation = context.Invocation;
        string argumentsHash;
        try
        {
            argumentsHash = ControlHashes.Arguments(context.ArgumentsJson);
            if (_recordAttempts && context.Resumption is null)
            {
                await _audit.AppendAsync(
                    new AuditEntry
                    {
                        SessionId = invocation.SessionId,
                        Kind = AuditRecordKinds.ToolCallAttempt,
                        Actor = AuditActors.Agent,
                        TurnId = invocation.TurnId,
                        ToolName = context.ToolName,
                        CallId = context.CallId,
                        ArgumentsHash = argumentsHash,
                        Summary = ArgumentMasker.Summarize(context.ArgumentsJson),
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ToolCallOutcome.Denied("the call could not be audited, so it was not made");
        }

        var started = _time.GetTimestamp();
        DeferredAudit.Accept(context);
        var outcome = await next(context, cancellationToken).ConfigureAwait(false);
        var deferred = DeferredAudit.Take(context);
        if (outcome.Status == ToolCallStatus.Pending && context.Resumption is not null)
        {
            return deferred.Count == 0 ? outcome : await AppendDeferredAsync(deferred, outcome).ConfigureAwait(false);
        }

        var resultText = outcome.Status == ToolCallStatus.Pending ? null : ResultText.ToJson(outcome.Result);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        if (outcome.Suspension is { } suspension)
        {
            details["suspension"] = suspension.Id;
        }
        else if (context.Resumption is { } resumption)
        {
            details["resumes"] = resumption.Call.Suspension.Id;
        }

        if (outcome.Flags.Count > 0)
        {
            details["flags"] = string.Join(',', outcome.Flags);
        }

        try
        {
            // Recorded even when the turn is being cancelled: the call has happened (or was refused). The entries inner
            // middleware deferred to this one (e.g. sanitisation's) go first, in the same store write.
            var result = new AuditEntry
            {
                SessionId = invocation.SessionId,
                Kind = AuditRecordKinds.ToolResult,
                Actor = AuditActors.Agent,
                TurnId = invocation.TurnId,
                ToolName = context.ToolName,
                CallId = context.CallId,
                ArgumentsHash = argumentsHash,
                ResultHash = resultText is null ? null : ControlHashes.Text(resultText),
                Status = outcome.Status.ToWireName(),
                DurationMs = Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, 3),
                Summary = ArgumentMasker.SummarizeResult(resultText),
                Details = details.Count > 0 ? details : null,
            };
            if (deferred.Count == 0)
            {
                await _audit.AppendAsync(result, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await _audit.AppendManyAsync([.. deferred, result], CancellationToken.None).ConfigureAwait(false);
            }

            return outcome;
        }
        catch (AuditWriteException)
        {
            if (outcome.Status is ToolCallStatus.Pending or ToolCallStatus.Denied)
            {
                return ToolCallOutcome.Denied("the call could not be audited, so it was not made").WithFlag(AuditFailedFlag);
            }

            return ToolCallOutcome.Failure(
                ToolCallStatus.Error,
                "The tool call was made but its result could not be recorded. Do not retry it; tell the customer a colleague will check it.").WithFlag(AuditFailedFlag);
        }
    }

    /// <summary>A call still waiting leaves no result record; entries deferred to this middleware are written all the same.</summary>
    private async Task<ToolCallOutcome> AppendDeferredAsync(IReadOnlyList<AuditEntry> deferred, ToolCallOutcome outcome)
    {
        try
        {
            await _audit.AppendManyAsync(deferred, CancellationToken.None).ConfigureAwait(false);
            return outcome;
        }
        catch (AuditWriteException)
        {
            return ToolCallOutcome.Denied("the call could not be audited, so it was not made").WithFlag(AuditFailedFlag);
        }
    }
}
