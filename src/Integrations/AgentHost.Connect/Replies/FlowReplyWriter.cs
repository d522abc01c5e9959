using System.Globalization;
using System.Text;
using AgentHost.Connect.Bridge;
using AgentHost.Connect.Routing;
using AgentHost.Connect.Text;

namespace AgentHost.Connect.Replies;

/// <summary>
/// Writes a decision as a contact-flow Lambda result: a flat map of strings (<c>STRING_MAP</c>), read in the flow as
/// <c>$.External.&lt;key&gt;</c>, always under Connect's 32 KB limit (the reply, then the summary, are cut to fit).
/// State keys are always present (empty to clear), so a flow can copy them to contact attributes unconditionally.
/// </summary>
public static class FlowReplyWriter
{
    /// <summary>Connect's limit on a Lambda result.</summary>
    public const int MaxResultBytes = 32 * 1024;

    /// <summary>The budget the writer keeps under <see cref="MaxResultBytes"/> (keys, quotes and escaping).</summary>
    private const int Headroom = 2 * 1024;

    /// <summary>Builds the result map.</summary>
    /// <param name="context">The contact, when one could be read.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="options">Limits and texts.</param>
    /// <param name="targetQueue">The escalation queue, if configured.</param>
    /// <returns>The map.</returns>
    public static Dictionary<string, string> Write(ContactTurnContext? context, BridgeDecision decision, ConnectBridgeOptions options, string? targetQueue)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var escalate = decision.Route == ConnectRoute.Escalate;
        var reply = ReplyText.For(context, decision, options);
        var summary = escalate ? decision.EscalationSummary ?? string.Empty : string.Empty;
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BridgeAttributes.Reply] = reply,
            [BridgeAttributes.Tool] = decision.Route.ToString(),
            [BridgeAttributes.SessionId] = context?.SessionId ?? string.Empty,
            [BridgeAttributes.Turn] = decision.Counter.ToString(CultureInfo.InvariantCulture),
            [BridgeAttributes.PendingTurn] = decision.PendingTurnId ?? string.Empty,
            [BridgeAttributes.PendingPrompt] = decision.PendingPrompt ?? string.Empty,
            [BridgeAttributes.Fillers] = decision.PendingTurnId is null ? string.Empty : decision.Fillers.ToString(CultureInfo.InvariantCulture),
            [BridgeAttributes.EscalationSummary] = summary,
            [BridgeAttributes.EscalationUrl] = escalate ? options.EscalationUrlFor(context) ?? string.Empty : string.Empty,
            [BridgeAttributes.TargetQueue] = escalate ? targetQueue ?? string.Empty : string.Empty,
        };

        var budget = MaxResultBytes - Headroom;
        var fixedBytes = result.Where(p => p.Key is not BridgeAttributes.Reply and not BridgeAttributes.EscalationSummary).Sum(p => Encoding.UTF8.GetByteCount(p.Value));
        var free = budget - fixedBytes;
        result[BridgeAttributes.Reply] = FitBytes(reply, free / 2 + Math.Max(0, free / 2 - Encoding.UTF8.GetByteCount(summary)));
        result[BridgeAttributes.EscalationSummary] = FitBytes(summary, free - Encoding.UTF8.GetByteCount(result[BridgeAttributes.Reply]));
        return result;
    }

    private static string FitBytes(string text, int maxBytes)
    {
        if (maxBytes <= 0)
        {
            return string.Empty;
        }

        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        // Characters are at most 3 UTF-8 bytes (4 for a surrogate pair, which counts as 2 chars): maxBytes / 3 chars always fit.
        return SpokenText.CutAtSentence(text, Math.Max(1, maxBytes / 3));
    }
}
