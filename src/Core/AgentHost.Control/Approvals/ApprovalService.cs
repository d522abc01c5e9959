using System.Globalization;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Control.Approvals;

/// <summary>
/// Decides approval requests against the shared <see cref="IApprovalStore"/> (the CLI and the supervisor console use it).
/// A decision is bound to its request: the id and the argument hash must match, the request must still be pending and
/// unexpired, and an approver decides a request once (a committee needs two different approvers; the caller who asked
/// cannot approve). Each decision is audited before it is applied; the store write is conditional on the version read, so
/// two clicks or two consoles cannot both apply a decision to the same state.
/// </summary>
public sealed partial class ApprovalService : IApprovalService
{
    private const int MaxAttempts = 5;
    private readonly IApprovalStore _store;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public ApprovalService(IApprovalStore store, IAuditTrail audit, TimeProvider? timeProvider = null, ILogger<ApprovalService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        _store = store;
        _audit = audit;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = _time.GetUtcNow();
        if (query.Status == ApprovalStatus.Expired)
        {
            // Pending requests past their expiry are expired too, even before a turn wrote it down.
            var stored = await _store.ListAsync(query with { Status = null, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
            return [.. stored.Select(r => AsSeen(r, now)).Where(r => r.Status == ApprovalStatus.Expired).Take(query.Limit)];
        }

        var list = await _store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var seen = list.Select(r => AsSeen(r, now));
        return query.Status == ApprovalStatus.Pending ? [.. seen.Where(r => r.Status == ApprovalStatus.Pending)] : [.. seen];
    }

    /// <inheritdoc />
    public async Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        var request = await _store.GetAsync(requestId, cancellationToken).ConfigureAwait(false);
        return request is null ? null : AsSeen(request, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<ApprovalDecisionResult> DecideAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (string.IsNullOrWhiteSpace(decision.RequestId) || string.IsNullOrWhiteSpace(decision.Approver) || string.IsNullOrWhiteSpace(decision.ArgumentsHash))
        {
            return new ApprovalDecisionResult(ApprovalDecisionStatus.Refused, null, "A decision needs the request id, the argument hash and the approver's name.");
        }

        if (decision.Verdict == ApprovalVerdict.Reject && string.IsNullOrWhiteSpace(decision.Comment))
        {
            return new ApprovalDecisionResult(ApprovalDecisionStatus.Refused, null, "A rejection needs a reason.");
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var request = await _store.GetAsync(decision.RequestId, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                LogRefused(_logger, decision.RequestId, "unknown request");
                return new ApprovalDecisionResult(ApprovalDecisionStatus.Refused, null, $"There is no approval request {decision.RequestId}.");
            }

            var now = _time.GetUtcNow();
            if (Refusal(request, decision, now) is { } refusal)
            {
                if (request.Status == ApprovalStatus.Pending && now >= request.ExpiresAt)
                {
                    await ExpireAsync(request, now, cancellationToken).ConfigureAwait(false);
                    request = AsSeen(request, now);
                }

                await AuditRefusalAsync(request, decision, refusal, cancellationToken).ConfigureAwait(false);
                LogRefused(_logger, request.Id, refusal);
                return new ApprovalDecisionResult(ApprovalDecisionStatus.Refused, request, refusal);
            }

            var vote = new ApprovalVote { Approver = decision.Approver.Trim(), Verdict = decision.Verdict, Comment = decision.Comment, DecidedAt = now };
            var votes = request.Votes.Append(vote).ToArray();
            var approvals = votes.Count(v => v.Verdict == ApprovalVerdict.Approve);
            var status = decision.Verdict == ApprovalVerdict.Reject ? ApprovalStatus.Rejected
                : approvals >= request.RequiredApprovals ? ApprovalStatus.Approved
                : ApprovalStatus.Pending;
            var updated = request with
            {
                Votes = votes,
                Status = status,
                ClosedAt = status == ApprovalStatus.Rejected ? now : null,
                Version = request.Version + 1,
            };

            // Audited first: a decision that cannot be audited is not applied (the exception reaches the caller).
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = request.SessionId,
                    Kind = AuditRecordKinds.ApprovalDecided,
                    Actor = vote.Approver,
                    TurnId = request.TurnId,
                    ToolName = request.ToolName,
                    CallId = request.CallId,
                    ArgumentsHash = request.ArgumentsHash,
                    Status = decision.Verdict == ApprovalVerdict.Approve ? "approve" : "reject",
                    Summary = decision.Comment is null ? null : $"comment: {decision.Comment.Length} characters",
                    Details = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["requestId"] = request.Id,
                        ["requestStatus"] = ApprovalStatusNames.ToWireName(status),
                        ["approvals"] = string.Create(CultureInfo.InvariantCulture, $"{approvals}/{request.RequiredApprovals}"),
                    },
                },
                cancellationToken).ConfigureAwait(false);

            if (await _store.TryReplaceAsync(updated, cancellationToken).ConfigureAwait(false))
            {
                LogDecided(_logger, request.Id, ApprovalStatusNames.ToWireName(status));
                return status switch
                {
                    ApprovalStatus.Approved => new ApprovalDecisionResult(ApprovalDecisionStatus.Approved, updated, "Approved: the call runs once when the session is next invoked."),
                    ApprovalStatus.Rejected => new ApprovalDecisionResult(ApprovalDecisionStatus.Rejected, updated, "Rejected: the call will not run; the customer is told on the next turn."),
                    _ => new ApprovalDecisionResult(ApprovalDecisionStatus.Recorded, updated, $"Recorded ({approvals} of {request.RequiredApprovals} approvals): a different approver must also approve."),
                };
            }

            // Another decision, a claim or an expiry changed the request first: read it again and decide on what is there.
        }

        return new ApprovalDecisionResult(ApprovalDecisionStatus.Refused, await _store.GetAsync(decision.RequestId, cancellationToken).ConfigureAwait(false), "The request kept changing while the decision was applied; try again.");
    }

    /// <summary>The request as a reader sees it now: a pending request past its expiry is expired.</summary>
    internal static ApprovalRequest AsSeen(ApprovalRequest request, DateTimeOffset now) =>
        request.Status == ApprovalStatus.Pending && now >= request.ExpiresAt ? request with { Status = ApprovalStatus.Expired, ClosedAt = request.ExpiresAt } : request;

    private static string? Refusal(ApprovalRequest request, ApprovalDecision decision, DateTimeOffset now)
    {
        if (!ControlHashes.Equal(request.ArgumentsHash, decision.ArgumentsHash))
        {
            return $"The argument hash does not match request {request.Id}: the decision is not for this call.";
        }

        if (request.Status != ApprovalStatus.Pending)
        {
            return $"Request {request.Id} is already {ApprovalStatusNames.ToWireName(request.Status)}; decisions are accepted only while it is pending.";
        }

        if (now >= request.ExpiresAt)
        {
            return $"Request {request.Id} expired at {request.ExpiresAt:u}; the call was rejected.";
        }

        var approver = decision.Approver.Trim();
        if (request.Votes.Any(v => string.Equals(v.Approver, approver, StringComparison.OrdinalIgnoreCase)))
        {
            return $"{approver} already decided request {request.Id}; a committee needs a different approver.";
        }

        if (decision.Verdict == ApprovalVerdict.Approve && request.Requester?.Subject is { } subject && string.Equals(subject, approver, StringComparison.OrdinalIgnoreCase))
        {
            return $"{approver} asked for this call and cannot approve it.";
        }

        return null;
    }

    private async Task ExpireAsync(ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = request with { Status = ApprovalStatus.Expired, ClosedAt = now, Version = request.Version + 1 };
        if (await _store.TryReplaceAsync(expired, cancellationToken).ConfigureAwait(false))
        {
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = request.SessionId,
                    Kind = AuditRecordKinds.ApprovalExpired,
                    Actor = AuditActors.System,
                    TurnId = request.TurnId,
                    ToolName = request.ToolName,
                    CallId = request.CallId,
                    ArgumentsHash = request.ArgumentsHash,
                    Status = "expired",
                    Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["requestId"] = request.Id },
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AuditRefusalAsync(ApprovalRequest request, ApprovalDecision decision, string refusal, CancellationToken cancellationToken)
    {
        try
        {
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = request.SessionId,
                    Kind = AuditRecordKinds.ApprovalDecisionRefused,
                    Actor = decision.Approver.Trim(),
                    TurnId = request.TurnId,
                    ToolName = request.ToolName,
                    CallId = request.CallId,
                    ArgumentsHash = decision.ArgumentsHash.Length == 64 ? decision.ArgumentsHash : null,
                    Status = decision.Verdict == ApprovalVerdict.Approve ? "approve" : "reject",
                    Summary = refusal,
                    Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["requestId"] = request.Id },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AuditWriteException)
        {
            // The refusal changed nothing; failing to record it does not make it take effect.
        }
    }

    [LoggerMessage(EventId = 10100, Level = LogLevel.Information, Message = "Approval request {RequestId} is now {Status}")]
    private static partial void LogDecided(ILogger logger, string requestId, string status);

    [LoggerMessage(EventId = 10101, Level = LogLevel.Warning, Message = "A decision on approval request {RequestId} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string requestId, string reason);
}
