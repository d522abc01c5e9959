using System.Globalization;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Supervision;
using AgentHost.Control.Audit;
using AgentHost.Supervision.Guidance;
using AgentHost.Supervision.Masking;
using Microsoft.Extensions.AI;

namespace AgentHost.Supervision.Escalation;

/// <summary>
/// Builds the <see cref="EscalationPackage"/> of a session from the shared stores: the feed's session summary (masked
/// customer, identity, sentiment), the last stored turns (what the customer asked, the tool calls and their masked results,
/// failures), the pending approvals, the guidance and escalation notes, and a rule-based suggested next step. Reads at most
/// <see cref="MaxTurns"/> turns; every line is masked and bounded.
/// </summary>
public sealed class EscalationPackageBuilder
{
    /// <summary>The most recent turns read.</summary>
    public const int MaxTurns = 20;

    private readonly IConversationStore? _conversations;
    private readonly IActivityFeed _feed;
    private readonly IGuidanceStore _guidance;
    private readonly IApprovalService? _approvals;
    private readonly TimeProvider _time;

    /// <summary>Creates the builder.</summary>
    public EscalationPackageBuilder(IConversationStore? conversations, IActivityFeed feed, IGuidanceStore guidance, IApprovalService? approvals, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(guidance);
        _conversations = conversations;
        _feed = feed;
        _guidance = guidance;
        _approvals = approvals;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Builds the package of a session; <paramref name="reason"/> when the caller knows why it is escalated.</summary>
    public async Task<EscalationPackage> BuildAsync(string sessionId, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        var live = await _feed.GetSessionAsync(sessionId, cancellationToken);
        var asked = new List<string>();
        var found = new List<string>();
        var failed = new List<string>();
        string? lastAnswer = null;
        SessionHeader? header = null;
        if (_conversations is not null)
        {
            var snapshot = await _conversations.LoadAsync(sessionId, MaxTurns, cancellationToken);
            header = snapshot.Header;
            foreach (var turn in snapshot.RecentTurns)
            {
                Collect(turn, asked, found, failed, ref lastAnswer);
            }
        }

        if (lastAnswer is not null)
        {
            found.Add("Last answer: " + lastAnswer);
        }

        var pending = new List<string>();
        if (_approvals is not null)
        {
            var requests = await _approvals.ListAsync(new ApprovalQuery { SessionId = sessionId, Status = ApprovalStatus.Pending, Limit = EscalationPackage.MaxItems }, cancellationToken);
            foreach (var request in requests)
            {
                pending.Add(string.Create(CultureInfo.InvariantCulture, $"{request.ToolName}({ArgumentMasker.Summarize(request.Arguments)}) request {request.Id}, rule {request.RuleId}, expires {request.ExpiresAt:yyyy-MM-dd HH:mm}Z"));
            }
        }

        var notes = new List<string>();
        foreach (var guidance in await _guidance.ListAsync(sessionId, cancellationToken))
        {
            notes.Add($"{guidance.Author}: {guidance.Text} ({(guidance.IsPending ? "pending" : "applied")})");
        }

        var escalationNotes = (await _feed.ReadAsync(sessionId, 0, 500, cancellationToken))
            .Where(e => e.Kind == ActivityKinds.Escalated && !string.IsNullOrEmpty(e.Text))
            .Select(e => $"escalated by {e.Role ?? e.ToolName ?? "agent"}: {e.Text}");
        notes.AddRange(escalationNotes);

        var identity = live?.Identity;
        var customer = live?.Customer ?? CustomerMask.Mask(header?.Metadata.CustomerId) ?? "unknown customer";
        customer += identity is null ? " (identity not checked)" : $" (identity {identity})";
        return new EscalationPackage
        {
            SessionId = sessionId,
            ContactId = live?.ContactId ?? header?.Metadata.ContactId,
            Channel = live?.Channel ?? header?.Metadata.Channel,
            Customer = Line(customer),
            Reason = reason is null ? null : Line(reason),
            Asked = Bound(asked),
            FoundAndDid = Bound(found),
            Failed = Bound(failed),
            PendingApprovals = Bound(pending),
            SupervisorNotes = Bound(notes),
            SuggestedNextStep = Line(SuggestNextStep(pending, failed, identity, asked)),
            Sentiment = live?.Sentiment,
            BuiltAt = _time.GetUtcNow(),
        };
    }

    /// <summary>The rule-based next step: decide pending approvals, else repair failures, else verify identity, else continue.</summary>
    internal static string SuggestNextStep(IReadOnlyList<string> pending, IReadOnlyList<string> failed, string? identity, IReadOnlyList<string> asked)
    {
        if (pending.Count > 0)
        {
            return $"Decide the pending approval ({pending[^1]}): the customer is waiting for it.";
        }

        if (failed.Count > 0)
        {
            return $"Check what failed ({failed[^1]}) and complete it for the customer by hand.";
        }

        if (identity != "verified")
        {
            return "Verify the customer's identity before acting on the account, then take over the request.";
        }

        return asked.Count > 0 ? $"Continue with the customer's last request: \"{asked[^1]}\"." : "Greet the customer and ask how you can help.";
    }

    private static void Collect(TurnRecord turn, List<string> asked, List<string> found, List<string> failed, ref string? lastAnswer)
    {
        var results = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var message in turn.Messages)
        {
            if (message.Role == ChatRole.User && !string.IsNullOrWhiteSpace(message.Text))
            {
                asked.Add(TextMasker.Mask(message.Text, EscalationPackage.MaxLineLength)!);
            }
            else if (message.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(message.Text))
            {
                lastAnswer = TextMasker.Mask(message.Text, EscalationPackage.MaxLineLength);
            }
            else if (GuidanceMessages.IsGuidance(message, out _))
            {
                continue;
            }

            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result)
                {
                    results[result.CallId] = result.Result;
                }
            }
        }

        foreach (var call in turn.Outcome.ToolCalls)
        {
            if (call.Status == ToolCallStatus.Success)
            {
                results.TryGetValue(call.CallId, out var result);
                found.Add($"{call.Name}({ArgumentMasker.Summarize(call.Input)}) → {ResultSummary.OfResult(result).Summary}");
            }
            else if (call.Status != ToolCallStatus.Pending)
            {
                failed.Add($"{call.Name}: {call.Status.ToWireName()}{(call.Error is null ? string.Empty : " — " + TextMasker.Mask(call.Error, 160))}");
            }
        }

        if (turn.Outcome.StopReason is StopReason.Error or StopReason.Deadline or StopReason.MaxCycles)
        {
            failed.Add($"turn {turn.Sequence} ended with {turn.Outcome.StopReason.ToWireName()}{(turn.Outcome.ErrorMessage is null ? string.Empty : ": " + TextMasker.Mask(turn.Outcome.ErrorMessage, 160))}");
        }
    }

    private static string Line(string text) =>
        text.Length > EscalationPackage.MaxLineLength ? text[..(EscalationPackage.MaxLineLength - 1)] + "…" : text;

    private static string[] Bound(List<string> lines) =>
        [.. lines.Skip(Math.Max(0, lines.Count - EscalationPackage.MaxItems)).Select(Line)];
}
