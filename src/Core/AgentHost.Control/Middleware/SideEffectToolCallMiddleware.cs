using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Approvals;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Control.Middleware;

/// <summary>
/// Exactly-once side effects across crashes and retries. Before a tool that is not read-only runs, its intent is stored
/// durably under what identifies the side effect (session, turn or approval, tool, argument hash, occurrence — not the
/// model's call id); after it finished, its outcome. A retry that finds the intent with an outcome gets the recorded result
/// without running the tool; one that finds it without an outcome does not run the tool: the model is told the outcome is
/// unknown and must not be retried, the call is flagged <c>outcomeUnknown</c> and audited for a human. Read-only tools run
/// again. If the intent cannot be stored the tool does not run (fail closed).
/// </summary>
public sealed partial class SideEffectToolCallMiddleware : IToolCallMiddleware
{
    /// <summary>The flag set on a call whose earlier attempt's outcome is unknown.</summary>
    public const string OutcomeUnknownFlag = "outcomeUnknown";

    /// <summary>The flag set on a call answered from the outcome recorded by an earlier attempt.</summary>
    public const string ReplayedFlag = "replayedOutcome";

    /// <summary>The flag set on a call whose outcome could not be recorded after it ran.</summary>
    public const string OutcomeNotRecordedFlag = "outcomeNotRecorded";

    /// <summary>What the model is told when the outcome of an earlier attempt is unknown.</summary>
    public const string OutcomeUnknownMessage =
        "The outcome of this tool call is unknown: an earlier attempt started it and did not record how it ended (the service may have been interrupted). " +
        "It was not run again. Do not retry it automatically; tell the customer that a colleague will check whether it went through.";

    private readonly IToolIntentStore _store;
    private readonly IAuditTrail _audit;
    private readonly ControlOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    public SideEffectToolCallMiddleware(IToolIntentStore store, IAuditTrail audit, ControlOptions? options = null, TimeProvider? timeProvider = null, ILogger<SideEffectToolCallMiddleware>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        _store = store;
        _audit = audit;
        _options = options ?? new ControlOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Tool is null || ToolCallFacts.IsReadOnly(context))
        {
            return await next(context, cancellationToken).ConfigureAwait(false);
        }

        ToolIntentKey key;
        ToolIntentBeginResult begun;
        try
        {
            key = KeyOf(context);
            begun = await _store.BeginAsync(
                new ToolIntent { Key = key, TurnId = context.Invocation.TurnId, CallId = context.CallId, CreatedAt = _time.GetUtcNow() },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogIntentFailed(_logger, ex, context.ToolName, ex.GetType().Name);
            return ToolCallOutcome.Denied("the call could not be recorded before running it, so it was not made");
        }

        if (!begun.Created)
        {
            return await AnswerFromEarlierAttemptAsync(context, begun.Intent, cancellationToken).ConfigureAwait(false);
        }

        var started = _time.GetTimestamp();
        var outcome = await next(context, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == ToolCallStatus.Pending)
        {
            return outcome;
        }

        try
        {
            var json = ResultText.ToJson(outcome.Result);
            var truncated = json.Length > _options.MaxStoredResultChars;
            var recorded = new ToolIntentOutcome
            {
                Status = outcome.Status,
                Result = truncated ? null : json,
                ResultTruncated = truncated,
                ResultHash = ControlHashes.Text(json),
                DurationMs = _time.GetElapsedTime(started).TotalMilliseconds,
                CompletedAt = _time.GetUtcNow(),
            };

            // Recorded even when the turn is being cancelled: the tool has run.
            await _store.CompleteAsync(key, recorded, CancellationToken.None).ConfigureAwait(false);
            return outcome;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogOutcomeFailed(_logger, ex, context.ToolName, ex.GetType().Name);
            return outcome.WithFlag(OutcomeNotRecordedFlag);
        }
    }

    /// <summary>The intent key of a call: the turn (or the approval it resumes), the tool, the argument hash and the occurrence.</summary>
    internal static ToolIntentKey KeyOf(ToolCallContext context)
    {
        var hash = ControlHashes.Arguments(context.ArgumentsJson);
        var invocation = context.Invocation;
        if (context.Resumption is { } resumption)
        {
            var suspension = resumption.Call.Suspension;
            var scope = suspension.Kind == ApprovalIds.SuspensionKind ? "approval:" + suspension.Id : "resume:" + suspension.Id;
            return new ToolIntentKey(invocation.SessionId, scope, context.ToolName, hash, 1);
        }

        var occurrence = TurnControlState.Of(context).Occurrence(context.CallId, context.ToolName, hash);
        return new ToolIntentKey(invocation.SessionId, invocation.TurnId, context.ToolName, hash, occurrence);
    }

    private async Task<ToolCallOutcome> AnswerFromEarlierAttemptAsync(ToolCallContext context, ToolIntent earlier, CancellationToken cancellationToken)
    {
        if (earlier.Outcome is { Status: not (ToolCallStatus.Timeout or ToolCallStatus.Cancelled), Result: { } result } recorded)
        {
            LogReplayed(_logger, context.ToolName);
            var value = ResultText.FromJson(result);
            var replayed = recorded.Status == ToolCallStatus.Success
                ? ToolCallOutcome.Success(value)
                : ToolCallOutcome.Failure(recorded.Status, value as string ?? result);
            return replayed.WithFlag(ReplayedFlag);
        }

        // No outcome (the host died while the tool ran), a timeout or cancellation (the effect may or may not have happened),
        // or a result too large to keep: do not run it again.
        LogOutcomeUnknown(_logger, context.ToolName);
        try
        {
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = context.Invocation.SessionId,
                    Kind = AuditRecordKinds.OutcomeUnknown,
                    Actor = AuditActors.System,
                    TurnId = context.Invocation.TurnId,
                    ToolName = context.ToolName,
                    CallId = context.CallId,
                    ArgumentsHash = earlier.Key.ArgumentsHash,
                    Status = earlier.Outcome is null ? "noOutcome" : earlier.Outcome.Status.ToWireName(),
                    Summary = "an earlier attempt of this call has no known outcome; not run again",
                    Details = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["intent"] = earlier.Key.IntentId,
                        ["firstTurn"] = earlier.TurnId,
                        ["firstCallId"] = earlier.CallId,
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AuditWriteException)
        {
            // The tool is not run either way; the flag still reaches the invocation response.
        }

        return ToolCallOutcome.Failure(ToolCallStatus.Error, OutcomeUnknownMessage).WithFlag(OutcomeUnknownFlag);
    }

    [LoggerMessage(EventId = 10300, Level = LogLevel.Warning, Message = "Tool {ToolName}: an earlier attempt has no recorded outcome; not run again (outcome unknown)")]
    private static partial void LogOutcomeUnknown(ILogger logger, string toolName);

    [LoggerMessage(EventId = 10301, Level = LogLevel.Information, Message = "Tool {ToolName}: answered with the outcome an earlier attempt recorded; not run again")]
    private static partial void LogReplayed(ILogger logger, string toolName);

    [LoggerMessage(EventId = 10302, Level = LogLevel.Error, Message = "Tool {ToolName}: the intent could not be stored ({ErrorType}); the call is denied")]
    private static partial void LogIntentFailed(ILogger logger, Exception exception, string toolName, string errorType);

    [LoggerMessage(EventId = 10303, Level = LogLevel.Error, Message = "Tool {ToolName}: the outcome could not be recorded after it ran ({ErrorType})")]
    private static partial void LogOutcomeFailed(ILogger logger, Exception exception, string toolName, string errorType);
}
