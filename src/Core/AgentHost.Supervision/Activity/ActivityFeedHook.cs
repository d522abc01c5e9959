using System.Collections.Concurrent;
using System.Globalization;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Guidance;
using AgentHost.Supervision.Masking;
using AgentHost.Supervision.Sentiment;
using Microsoft.Extensions.AI;

namespace AgentHost.Supervision.Activity;

/// <summary>
/// Publishes a turn's activity as it happens: the turn starting (urgent), each whole message (the customer's, the model's
/// after every model call, the supervisor guidance applied), and the turn finishing (urgent) with its stop reason and the
/// customer's sentiment score (lexicon method). Tool calls are published by <see cref="ActivityToolCallMiddleware"/>.
/// Never throws: publishing only buffers in memory.
/// </summary>
public sealed class ActivityFeedHook : AgentHook
{
    /// <summary>The <see cref="HookContext.Items"/> key set when a turn escalated (value: the reason, possibly empty).</summary>
    public const string EscalatedItem = "agenthost.supervision.escalated";

    private const int MaxTrackedSessions = 10_000;
    private readonly ActivityPublisher _publisher;
    private readonly SupervisionOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, string> _sentiment = new(StringComparer.Ordinal);

    /// <summary>Creates the hook.</summary>
    public ActivityFeedHook(ActivityPublisher publisher, SupervisionOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
        _options = options ?? new SupervisionOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override ValueTask OnTurnStartingAsync(TurnStartingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var invocation = context.Invocation;
        var caller = invocation.Caller;
        var customer = caller?.Subject ?? (invocation.Attributes.TryGetValue("customerId", out var id) ? id : null);
        var score = LexiconSentiment.Score(context.UserMessage.Text);
        if (_sentiment.Count > MaxTrackedSessions)
        {
            _sentiment.Clear();
        }

        var trend = _sentiment.AddOrUpdate(
            invocation.SessionId,
            _ => LexiconSentiment.Append(null, score, _options.SentimentWindow),
            (_, old) => LexiconSentiment.Append(old, score, _options.SentimentWindow));
        _publisher.Publish(
            new ActivityEvent
            {
                SessionId = invocation.SessionId,
                Kind = ActivityKinds.TurnStarted,
                At = _time.GetUtcNow(),
                TurnId = invocation.TurnId,
                Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["sentiment"] = score.ToString("0.00", CultureInfo.InvariantCulture) },
            },
            new LiveSessionUpdate
            {
                Status = LiveSessionStatuses.Running,
                Channel = invocation.Channel,
                ContactId = invocation.ContactId,
                Customer = CustomerMask.Mask(customer),
                Identity = caller is null ? null : caller.Verified ? "verified" : "unverified",
                Sentiment = trend,
                TurnsStarted = 1,
            },
            urgent: true);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnMessageAddedAsync(MessageAddedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        string? role = null;
        IReadOnlyDictionary<string, string>? details = null;
        if (message.Role == ChatRole.User)
        {
            role = "customer";
        }
        else if (message.Role == ChatRole.Assistant)
        {
            role = "agent";
        }
        else if (GuidanceMessages.IsGuidance(message, out var guidanceId))
        {
            role = "supervisor";
            details = new Dictionary<string, string>(StringComparer.Ordinal) { ["guidanceId"] = guidanceId };
        }

        var text = role == "supervisor" ? GuidanceMessages.TextOf(message) : message.Text;
        if (role is null || string.IsNullOrEmpty(text))
        {
            return ValueTask.CompletedTask;
        }

        _publisher.Publish(
            new ActivityEvent
            {
                SessionId = context.Invocation.SessionId,
                Kind = role == "supervisor" ? ActivityKinds.GuidanceApplied : ActivityKinds.Message,
                At = _time.GetUtcNow(),
                TurnId = context.Invocation.TurnId,
                Role = role,
                Text = TextMasker.Mask(text, _options.MaxMessageChars),
                Details = details,
            },
            urgent: role == "customer");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnTurnCompletedAsync(TurnCompletedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = context.Result.Outcome;
        var escalated = context.Items.ContainsKey(EscalatedItem);
        var status = escalated ? LiveSessionStatuses.Escalated
            : outcome.StopReason == StopReason.AwaitingApproval ? LiveSessionStatuses.AwaitingApproval
            : LiveSessionStatuses.Idle;
        _publisher.Publish(
            new ActivityEvent
            {
                SessionId = context.Invocation.SessionId,
                Kind = ActivityKinds.TurnFinished,
                At = _time.GetUtcNow(),
                TurnId = context.Invocation.TurnId,
                Status = outcome.StopReason.ToWireName(),
                Text = outcome.ErrorMessage is null ? null : TextMasker.Mask(outcome.ErrorMessage, 300),
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["cycles"] = outcome.Cycles.ToString(CultureInfo.InvariantCulture),
                    ["tokens"] = outcome.Usage.TotalTokens.ToString(CultureInfo.InvariantCulture),
                    ["toolCalls"] = outcome.ToolCalls.Count.ToString(CultureInfo.InvariantCulture),
                },
            },
            new LiveSessionUpdate { Status = status },
            urgent: true);
        return ValueTask.CompletedTask;
    }
}
