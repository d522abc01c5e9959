using System.Globalization;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;
using AgentHost.Control.Middleware;
using AgentHost.Control.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Control.Approvals;

/// <summary>
/// The runtime side of approvals. A call that needs approval is persisted as an <see cref="ApprovalRequest"/> and suspended
/// (stop reason <see cref="StopReason.AwaitingApproval"/>). When a later invocation offers it again, the gate reads the
/// request from the shared store and checks that it is bound to this call (session, tool, argument hash): still pending
/// → it keeps waiting; rejected or expired → a denial the model sees; approved → it is claimed with a conditional write
/// (only one turn, on one host, wins) and runs once. Every failure on this path denies the call (fail closed); the call
/// is never run from an error path.
/// </summary>
public sealed partial class ApprovalGate
{
    private const int MaxAttempts = 5;
    private readonly IApprovalStore _store;
    private readonly IAuditTrail _audit;
    private readonly ToolPolicy _policy;
    private readonly ControlOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the gate.</summary>
    public ApprovalGate(IApprovalStore store, IAuditTrail audit, ToolPolicy policy, ControlOptions? options = null, TimeProvider? timeProvider = null, ILogger<ApprovalGate>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(policy);
        _store = store;
        _audit = audit;
        _policy = policy;
        _options = options ?? new ControlOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Persists the approval request for a call the policy sent to approval and suspends the call. Never runs it.</summary>
    public async ValueTask<ToolCallOutcome> RequestAsync(ToolCallContext context, PolicyDecision decision, string argumentsHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decision);
        try
        {
            var invocation = context.Invocation;
            var occurrence = TurnControlState.Of(context).Occurrence(context.CallId, context.ToolName, argumentsHash);
            var now = _time.GetUtcNow();
            var caller = invocation.Caller;
            var request = new ApprovalRequest
            {
                Id = ApprovalIds.For(invocation.SessionId, invocation.TurnId, context.ToolName, argumentsHash, occurrence),
                SessionId = invocation.SessionId,
                TurnId = invocation.TurnId,
                CallId = context.CallId,
                ToolName = context.ToolName,
                Arguments = context.ArgumentsJson.Clone(),
                ArgumentsHash = argumentsHash,
                RuleId = decision.RuleId,
                Risk = decision.Risk,
                Mode = decision.Approval,
                Requester = caller is null ? null : new ApprovalRequester { Subject = caller.Subject, Profile = caller.Profile, Source = caller.Source, Verified = caller.Verified },
                Channel = invocation.Channel,
                Reason = decision.Reason,
                CreatedAt = now,
                ExpiresAt = now + decision.ApprovalTimeout,
            };
            var stored = await _store.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!ControlHashes.Equal(stored.ArgumentsHash, argumentsHash) || !string.Equals(stored.ToolName, context.ToolName, StringComparison.Ordinal))
            {
                return ToolCallOutcome.Denied("an approval request with the same id holds another call, so this call was not made");
            }

            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = invocation.SessionId,
                    Kind = AuditRecordKinds.ApprovalRequested,
                    Actor = AuditActors.Policy,
                    TurnId = invocation.TurnId,
                    ToolName = context.ToolName,
                    CallId = context.CallId,
                    ArgumentsHash = argumentsHash,
                    Status = ApprovalStatusNames.ToWireName(stored.Status),
                    Summary = ArgumentMasker.Summarize(context.ArgumentsJson),
                    Details = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["requestId"] = stored.Id,
                        ["rule"] = stored.RuleId,
                        ["mode"] = stored.Mode == ApprovalMode.Committee ? "committee" : "supervisor",
                        ["expiresAt"] = AuditChain.FormatTime(stored.ExpiresAt),
                    },
                },
                cancellationToken).ConfigureAwait(false);
            LogRequested(_logger, stored.Id, context.ToolName, stored.RuleId);
            return ToolCallOutcome.Suspend(new ToolCallSuspension
            {
                Id = stored.Id,
                Kind = ApprovalIds.SuspensionKind,
                StopReason = StopReason.AwaitingApproval,
                ModelMessage = WaitingMessage(stored),
                CustomerMessage = _options.CustomerMessage,
                ExpiresAt = stored.ExpiresAt,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, ex, context.ToolName, ex.GetType().Name);
            return ToolCallOutcome.Denied("the approval request could not be recorded, so the call was not made");
        }
    }

    /// <summary>
    /// Handles a suspended approval call offered again: waits, denies, or claims it and runs it once through
    /// <paramref name="next"/>. Any failure before the run denies the call.
    /// </summary>
    public async ValueTask<ToolCallOutcome> ResumeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var resumption = context.Resumption ?? throw new ArgumentException("The call is not a resumption.", nameof(context));
        ToolCallOutcome? early;
        ApprovalRequest? claimed;
        try
        {
            (early, claimed) = await PrepareAsync(context, resumption, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, ex, context.ToolName, ex.GetType().Name);
            await TryRejectAfterFailureAsync(resumption.Call.Suspension.Id, context.Invocation.TurnId).ConfigureAwait(false);
            return ToolCallOutcome.Denied("the approval could not be checked, so the call was not made; tell the customer a colleague will follow up");
        }

        if (early is not null)
        {
            return early;
        }

        var outcome = await next(context, cancellationToken).ConfigureAwait(false);
        await CloseAsync(claimed!, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task<(ToolCallOutcome? Early, ApprovalRequest? Claimed)> PrepareAsync(ToolCallContext context, ToolCallResumption resumption, CancellationToken cancellationToken)
    {
        var suspension = resumption.Call.Suspension;
        var invocation = context.Invocation;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var request = await _store.GetAsync(suspension.Id, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return (ToolCallOutcome.Denied($"the approval request {suspension.Id} does not exist, so the call was not made"), null);
            }

            var storedHash = ControlHashes.Arguments(resumption.Call.Input);
            var currentHash = ControlHashes.Arguments(context.ArgumentsJson);
            if (!string.Equals(request.SessionId, invocation.SessionId, StringComparison.Ordinal)
                || !string.Equals(request.ToolName, resumption.Call.Name, StringComparison.Ordinal)
                || !string.Equals(request.ToolName, context.ToolName, StringComparison.Ordinal)
                || !ControlHashes.Equal(request.ArgumentsHash, storedHash)
                || !ControlHashes.Equal(request.ArgumentsHash, currentHash))
            {
                LogMismatch(_logger, request.Id);
                return (ToolCallOutcome.Denied($"the call does not match approval request {request.Id}, so it was not made"), null);
            }

            var now = _time.GetUtcNow();
            switch (request.Status)
            {
                case ApprovalStatus.Pending when now < request.ExpiresAt:
                    return (ToolCallOutcome.Suspend(suspension), null);
                case ApprovalStatus.Pending:
                    var expired = request with { Status = ApprovalStatus.Expired, ClosedAt = now, Version = request.Version + 1 };
                    if (!await _store.TryReplaceAsync(expired, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    await AuditAsync(context, request, AuditRecordKinds.ApprovalExpired, "expired", cancellationToken).ConfigureAwait(false);
                    return (ExpiredOutcome(request), null);
                case ApprovalStatus.Expired:
                    return (ExpiredOutcome(request), null);
                case ApprovalStatus.Rejected:
                    var rejection = request.Votes.LastOrDefault(v => v.Verdict == ApprovalVerdict.Reject);
                    return (ToolCallOutcome.Denied($"{rejection?.Approver ?? "an approver"} rejected this call ({rejection?.Comment ?? "no reason given"}); it was not made. Tell the customer it was not approved"), null);
                case ApprovalStatus.Approved:
                    var decision = _policy.Evaluate(ToolCallFacts.PolicyRequest(context));
                    if (decision.Effect == PolicyEffect.Deny)
                    {
                        var vetoed = request with
                        {
                            Status = ApprovalStatus.Rejected,
                            Votes = [.. request.Votes, new ApprovalVote { Approver = AuditActors.Policy, Verdict = ApprovalVerdict.Reject, Comment = decision.Reason, DecidedAt = now }],
                            ClosedAt = now,
                            Version = request.Version + 1,
                        };
                        if (!await _store.TryReplaceAsync(vetoed, cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }

                        await AuditAsync(context, request, AuditRecordKinds.PolicyDecision, "deny", cancellationToken, ("rule", decision.RuleId)).ConfigureAwait(false);
                        return (ToolCallOutcome.Denied($"the policy no longer allows this call ({decision.Reason}); it was not made"), null);
                    }

                    if (await ClaimAsync(context, request, now, "approved", cancellationToken).ConfigureAwait(false) is { } claimed)
                    {
                        return (null, claimed);
                    }

                    continue;
                case ApprovalStatus.Executing when string.Equals(request.ClaimedBy, invocation.TurnId, StringComparison.Ordinal):
                    // The same turn again (a retry after a crash): the intent store decides whether the tool ran.
                    return (null, request);
                case ApprovalStatus.Executing when request.ClaimedAt is { } claimedAt && now - claimedAt >= _options.ClaimLease:
                    if (await ClaimAsync(context, request, now, "taken over", cancellationToken).ConfigureAwait(false) is { } takenOver)
                    {
                        return (null, takenOver);
                    }

                    continue;
                case ApprovalStatus.Executing:
                    // Another turn (perhaps on another host) is running it: this turn leaves it alone.
                    return (ToolCallOutcome.Suspend(suspension), null);
                default:
                    // Completed in a turn that was never stored: the intent store replays the recorded outcome.
                    return (null, request);
            }
        }

        // The request kept changing under this turn: leave the call waiting; the next invocation looks again.
        return (ToolCallOutcome.Suspend(suspension), null);
    }

    private async Task<ApprovalRequest?> ClaimAsync(ToolCallContext context, ApprovalRequest request, DateTimeOffset now, string how, CancellationToken cancellationToken)
    {
        var claimed = request with { Status = ApprovalStatus.Executing, ClaimedBy = context.Invocation.TurnId, ClaimedAt = now, Version = request.Version + 1 };
        if (!await _store.TryReplaceAsync(claimed, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // Audited after the claim: if this fails the call is denied and the claim stays with this turn (a retry of the
        // same turn continues; the intent store prevents a second run).
        await AuditAsync(context, request, AuditRecordKinds.ApprovalClaimed, how, cancellationToken).ConfigureAwait(false);
        LogClaimed(_logger, request.Id, how);
        return claimed;
    }

    /// <summary>
    /// After a failure on the approval path the call is denied in the conversation; the request is marked rejected too (best
    /// effort: the store may be what failed), so that approvers do not see a request that will never run as approved.
    /// </summary>
    private async Task TryRejectAfterFailureAsync(string requestId, string turnId)
    {
        try
        {
            var request = await _store.GetAsync(requestId, CancellationToken.None).ConfigureAwait(false);
            if (request is null || request.IsClosed || (request.Status == ApprovalStatus.Executing && !string.Equals(request.ClaimedBy, turnId, StringComparison.Ordinal)))
            {
                return;
            }

            var now = _time.GetUtcNow();
            await _store.TryReplaceAsync(
                request with
                {
                    Status = ApprovalStatus.Rejected,
                    Votes = [.. request.Votes, new ApprovalVote { Approver = AuditActors.System, Verdict = ApprovalVerdict.Reject, Comment = "the approval path failed; the call was not made", DecidedAt = now }],
                    ClosedAt = now,
                    Version = request.Version + 1,
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(_logger, ex, requestId, ex.GetType().Name);
        }
    }

    private async Task CloseAsync(ApprovalRequest claimed, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var current = await _store.GetAsync(claimed.Id, cancellationToken).ConfigureAwait(false);
                if (current is null || current.Status != ApprovalStatus.Executing)
                {
                    return;
                }

                var closed = current with { Status = ApprovalStatus.Completed, ClosedAt = _time.GetUtcNow(), Version = current.Version + 1 };
                if (await _store.TryReplaceAsync(closed, CancellationToken.None).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The call ran and its outcome is recorded with its intent; the request stays "executing" for a human to see.
            LogFailed(_logger, ex, claimed.ToolName, ex.GetType().Name);
        }
    }

    private Task AuditAsync(ToolCallContext context, ApprovalRequest request, string kind, string status, CancellationToken cancellationToken, params (string Key, string Value)[] details)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["requestId"] = request.Id };
        foreach (var (key, value) in details)
        {
            facts[key] = value;
        }

        return _audit.AppendAsync(
            new AuditEntry
            {
                SessionId = request.SessionId,
                Kind = kind,
                Actor = AuditActors.System,
                TurnId = context.Invocation.TurnId,
                ToolName = request.ToolName,
                CallId = context.CallId,
                ArgumentsHash = request.ArgumentsHash,
                Status = status,
                Details = facts,
            },
            cancellationToken);
    }

    private static ToolCallOutcome ExpiredOutcome(ApprovalRequest request) =>
        ToolCallOutcome.Denied(string.Create(CultureInfo.InvariantCulture, $"nobody approved this call before {request.ExpiresAt:yyyy-MM-dd HH:mm} UTC, so it expired and was not made. Tell the customer it could not be approved in time"));

    private static string WaitingMessage(ApprovalRequest request) =>
        $"This call needs approval by {(request.Mode == ApprovalMode.Committee ? "two different approvers" : "a supervisor")} (rule {request.RuleId}) and has not been made. " +
        "Do not call it again. Tell the customer that a colleague must approve it and that they will hear the outcome.";

    [LoggerMessage(EventId = 10110, Level = LogLevel.Information, Message = "Approval request {RequestId} created for tool {ToolName} (rule {RuleId})")]
    private static partial void LogRequested(ILogger logger, string requestId, string toolName, string ruleId);

    [LoggerMessage(EventId = 10111, Level = LogLevel.Information, Message = "Approval request {RequestId} claimed ({How})")]
    private static partial void LogClaimed(ILogger logger, string requestId, string how);

    [LoggerMessage(EventId = 10112, Level = LogLevel.Warning, Message = "A resumed call does not match approval request {RequestId}; denied")]
    private static partial void LogMismatch(ILogger logger, string requestId);

    [LoggerMessage(EventId = 10113, Level = LogLevel.Error, Message = "The approval path of tool {ToolName} failed ({ErrorType}); the call is denied")]
    private static partial void LogFailed(ILogger logger, Exception exception, string toolName, string errorType);
}
