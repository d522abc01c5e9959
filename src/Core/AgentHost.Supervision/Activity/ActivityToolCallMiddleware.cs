using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Supervision;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Policy;
using AgentHost.Supervision.Masking;

namespace AgentHost.Supervision.Activity;

/// <summary>
/// Publishes each tool call as it starts and as it ends, outermost in the tool-call chain so that it sees every call and
/// its final outcome: masked arguments and their hash, then the status, duration, masked result and its hash, the flags
/// middleware set, and an approval request when the call waits for one. A successful escalation tool call
/// (<see cref="SupervisionOptions.EscalationTools"/>) marks the turn escalated; a successful identity check
/// (<c>*verify_identity</c> answering <c>verified</c>) marks the customer verified. Never changes the outcome.
/// </summary>
public sealed class ActivityToolCallMiddleware : IToolCallMiddleware
{
    private static readonly GlobPattern VerifyIdentity = new("*verify_identity");
    private readonly ActivityPublisher _publisher;
    private readonly TimeProvider _time;
    private readonly GlobPattern[] _escalationTools;

    /// <summary>Creates the middleware.</summary>
    public ActivityToolCallMiddleware(ActivityPublisher publisher, SupervisionOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
        _time = timeProvider ?? TimeProvider.System;
        _escalationTools = [.. (options ?? new SupervisionOptions()).EscalationTools.Select(p => new GlobPattern(p))];
    }

    /// <inheritdoc />
    public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var invocation = context.Invocation;
        var (arguments, argumentsHash) = ResultSummary.OfArguments(context.ArgumentsJson);
        _publisher.Publish(new ActivityEvent
        {
            SessionId = invocation.SessionId,
            Kind = ActivityKinds.ToolCallStarted,
            At = _time.GetUtcNow(),
            TurnId = invocation.TurnId,
            ToolName = context.ToolName,
            CallId = context.CallId,
            Summary = arguments,
            Hash = argumentsHash,
            Details = context.Resumption is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["resumed"] = context.Resumption.Call.Suspension.Id },
        });

        var started = _time.GetTimestamp();
        var outcome = await next(context, cancellationToken);
        Published(context, outcome, _time.GetElapsedTime(started));
        return outcome;
    }

    private void Published(ToolCallContext context, ToolCallOutcome outcome, TimeSpan duration)
    {
        var invocation = context.Invocation;
        var now = _time.GetUtcNow();
        var success = outcome.Status == ToolCallStatus.Success;
        var (summary, hash) = success ? ResultSummary.OfResult(outcome.Result) : (TextMasker.Mask(outcome.Result as string, 300) ?? outcome.Status.ToWireName(), null);
        LiveSessionUpdate? update = null;
        if (outcome.Flags.Count > 0)
        {
            update = new LiveSessionUpdate { AddFlags = outcome.Flags };
        }

        if (success && VerifyIdentity.IsMatch(context.ToolName) && VerifiedFlag(outcome.Result) is { } verified)
        {
            update = LiveSessionUpdates.Merge(update, new LiveSessionUpdate { Identity = verified ? "verified" : "unverified" });
        }

        var escalated = success && _escalationTools.Any(p => p.IsMatch(context.ToolName));
        if (escalated)
        {
            context.Items[ActivityFeedHook.EscalatedItem] = ArgumentText(context.ArgumentsJson, "reason") ?? string.Empty;
            update = LiveSessionUpdates.Merge(update, new LiveSessionUpdate { Status = LiveSessionStatuses.Escalated });
        }

        _publisher.Publish(
            new ActivityEvent
            {
                SessionId = invocation.SessionId,
                Kind = ActivityKinds.ToolCallFinished,
                At = now,
                TurnId = invocation.TurnId,
                ToolName = context.ToolName,
                CallId = context.CallId,
                Status = outcome.Status.ToWireName(),
                Summary = summary,
                Hash = hash,
                DurationMs = Math.Round(duration.TotalMilliseconds, 1),
                Flags = outcome.Flags.Count > 0 ? outcome.Flags : null,
            },
            update);

        if (outcome.Suspension is { } suspension)
        {
            _publisher.Publish(new ActivityEvent
            {
                SessionId = invocation.SessionId,
                Kind = ActivityKinds.ApprovalRequested,
                At = now,
                TurnId = invocation.TurnId,
                ToolName = context.ToolName,
                CallId = context.CallId,
                Status = suspension.Kind,
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["requestId"] = suspension.Id,
                    ["expiresAt"] = suspension.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
                },
            });
        }

        if (escalated)
        {
            _publisher.Publish(
                new ActivityEvent
                {
                    SessionId = invocation.SessionId,
                    Kind = ActivityKinds.Escalated,
                    At = now,
                    TurnId = invocation.TurnId,
                    ToolName = context.ToolName,
                    Text = TextMasker.Mask(ArgumentText(context.ArgumentsJson, "reason"), 300),
                },
                urgent: true);
        }
    }

    /// <summary>The <c>verified</c> member of an identity check's result, read through the sanitisation envelope.</summary>
    private static bool? VerifiedFlag(object? result)
    {
        var root = ToolResultEnvelope.Unwrap(result) switch
        {
            JsonElement { ValueKind: JsonValueKind.String } text => ResultSummary.TryParseContainer(text.GetString() ?? string.Empty),
            JsonElement element => element,
            string text => ResultSummary.TryParseContainer(text),
            _ => null,
        };
        return root is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("verified", out var verified)
            && verified.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? verified.GetBoolean()
            : null;
    }

    private static string? ArgumentText(JsonElement arguments, string name) =>
        arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
