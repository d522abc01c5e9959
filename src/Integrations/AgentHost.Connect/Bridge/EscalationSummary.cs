using System.Text;
using System.Text.Json;
using AgentHost.Connect.Text;

namespace AgentHost.Connect.Bridge;

/// <summary>
/// The bounded summary a human agent sees on Escalate (session attribute or result <c>EscalationSummary</c>): why, what
/// the assistant last said, and the runtime session id, with which the agent's workspace opens the full conversation.
/// </summary>
public static class EscalationSummary
{
    /// <summary>Builds the summary of an escalation the agent decided with a tool call.</summary>
    /// <param name="context">The contact.</param>
    /// <param name="call">The escalation tool call (its <c>reason</c>/<c>summary</c> and <c>priority</c> arguments are used).</param>
    /// <param name="lastAnswer">The assistant's last answer.</param>
    /// <param name="turns">Turns so far.</param>
    /// <param name="maxChars">The longest summary.</param>
    /// <returns>The summary.</returns>
    public static string FromTool(ContactTurnContext context, AgentToolCall? call, string lastAnswer, int turns, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder("Escalated by the assistant");
        if (call is not null)
        {
            text.Append(" (").Append(call.Name);
            if ((Argument(call, "reason") ?? Argument(call, "summary")) is { } reason)
            {
                text.Append(", reason: ").Append(reason);
            }

            if (Argument(call, "priority") is { } priority)
            {
                text.Append(", priority: ").Append(priority);
            }

            text.Append(')');
        }

        text.Append(". ");
        return Finish(text, context, lastAnswer, turns, maxChars);
    }

    /// <summary>Builds the summary of an escalation caused by a runtime failure.</summary>
    /// <param name="context">The contact.</param>
    /// <param name="failure">The failure kind.</param>
    /// <param name="turns">Turns so far.</param>
    /// <param name="maxChars">The longest summary.</param>
    /// <returns>The summary.</returns>
    public static string FromFailure(ContactTurnContext context, AgentTurnFailure failure, int turns, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder("The assistant could not answer (agent runtime ").Append(failure switch
        {
            AgentTurnFailure.Unreachable => "unreachable",
            AgentTurnFailure.Throttled => "throttled",
            AgentTurnFailure.Rejected => "rejected the call",
            _ => "failed",
        }).Append("). ");
        return Finish(text, context, string.Empty, turns, maxChars);
    }

    /// <summary>Builds the summary of an escalation because a turn ran past every filler the bridge allows.</summary>
    /// <param name="context">The contact.</param>
    /// <param name="turns">Turns so far.</param>
    /// <param name="maxChars">The longest summary.</param>
    /// <returns>The summary.</returns>
    public static string FromSlowTurn(ContactTurnContext context, int turns, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Finish(new StringBuilder("The assistant did not finish the customer's request in time (still running after several holds). "), context, string.Empty, turns, maxChars);
    }

    private static string Finish(StringBuilder text, ContactTurnContext context, string lastAnswer, int turns, int maxChars)
    {
        var tail = $"Turns: {turns}. Channel: {context.Channel}. Runtime session: {context.SessionId}.";
        if (!string.IsNullOrWhiteSpace(lastAnswer))
        {
            var room = Math.Max(40, maxChars - text.Length - tail.Length - 20);
            text.Append("Last answer: ").Append(ChatText.Prepare(lastAnswer.ReplaceLineEndings(" "), room)).Append(' ');
        }

        text.Append(tail);
        return text.Length <= maxChars ? text.ToString() : SpokenText.CutAtSentence(text.ToString(), maxChars);
    }

    private static string? Argument(AgentToolCall call, string name)
        => call.Input is { ValueKind: JsonValueKind.Object } input
            && input.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
                ? (text.Length > 300 ? text[..300] : text)
                : null;
}
