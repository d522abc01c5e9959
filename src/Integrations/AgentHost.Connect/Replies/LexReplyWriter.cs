using System.Globalization;
using AgentHost.Connect.Bridge;
using AgentHost.Connect.Events;
using AgentHost.Connect.Routing;

namespace AgentHost.Connect.Replies;

/// <summary>
/// Writes a decision as a Lex V2 code hook reply: <c>ElicitIntent</c> to continue in Lex, <c>Close</c> with the intent
/// <c>Fulfilled</c> to return to the flow (which branches on <c>$.Lex.SessionAttributes.Tool</c>). Session attributes
/// the bridge does not own are kept; active contexts and runtime hints are passed back as received.
/// </summary>
public static class LexReplyWriter
{
    /// <summary>Builds the reply.</summary>
    /// <param name="lex">The event (may be partly empty when it was malformed).</param>
    /// <param name="context">The contact, when one could be read.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="options">Limits and texts.</param>
    /// <param name="targetQueue">The escalation queue, if configured.</param>
    /// <returns>The Lex response.</returns>
    public static LexResponse Write(InboundEvent? lex, ContactTurnContext? context, BridgeDecision decision, ConnectBridgeOptions options, string? targetQueue)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var state = lex?.SessionState;
        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in state?.SessionAttributes ?? [])
        {
            if (value is not null)
            {
                attributes[name] = value;
            }
        }

        attributes[BridgeAttributes.Tool] = decision.Route.ToString();
        attributes[BridgeAttributes.Turn] = decision.Counter.ToString(CultureInfo.InvariantCulture);
        if (context is not null)
        {
            attributes[BridgeAttributes.SessionId] = context.SessionId;
            attributes.TryAdd(BridgeAttributes.ContactId, context.ContactId);
        }

        SetOrRemove(attributes, BridgeAttributes.PendingTurn, decision.PendingTurnId);
        SetOrRemove(attributes, BridgeAttributes.PendingPrompt, decision.PendingPrompt);
        SetOrRemove(attributes, BridgeAttributes.Fillers, decision.PendingTurnId is null ? null : decision.Fillers.ToString(CultureInfo.InvariantCulture));
        var escalate = decision.Route == ConnectRoute.Escalate;
        SetOrRemove(attributes, BridgeAttributes.EscalationSummary, escalate ? decision.EscalationSummary : null);

        // Present (empty when no link is configured) whenever the summary is, so the flow's copy of it always resolves.
        if (escalate)
        {
            attributes[BridgeAttributes.EscalationUrl] = options.EscalationUrlFor(context) ?? string.Empty;
        }
        else
        {
            attributes.Remove(BridgeAttributes.EscalationUrl);
        }
        SetOrRemove(attributes, BridgeAttributes.TargetQueue, escalate ? targetQueue : null);

        var close = decision.Route != ConnectRoute.Continue;
        var intent = state?.Intent;
        return new LexResponse
        {
            SessionState = new LexSessionState
            {
                SessionAttributes = attributes,
                ActiveContexts = state?.ActiveContexts,
                RuntimeHints = state?.RuntimeHints,
                OriginatingRequestId = state?.OriginatingRequestId,
                DialogAction = new LexDialogAction { Type = close ? "Close" : "ElicitIntent" },
                Intent = close
                    ? new LexIntent { Name = intent?.Name ?? "FallbackIntent", Slots = intent?.Slots, State = "Fulfilled", ConfirmationState = intent?.ConfirmationState ?? "None" }
                    : null,
            },
            Messages = [new LexMessage { ContentType = "PlainText", Content = ReplyText.For(context, decision, options) }],
        };
    }

    private static void SetOrRemove(Dictionary<string, string?> attributes, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            attributes.Remove(name);
        }
        else
        {
            attributes[name] = value;
        }
    }
}
