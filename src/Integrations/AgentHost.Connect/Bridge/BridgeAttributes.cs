namespace AgentHost.Connect.Bridge;

/// <summary>
/// The names the bridge reads from and writes to Lex session attributes and contact-flow results. The shipped flows
/// branch on <see cref="Tool"/> (<c>$.Lex.SessionAttributes.Tool</c>); the <c>AgentHost*</c> names are the bridge's own state.
/// </summary>
public static class BridgeAttributes
{
    /// <summary>The route: <c>Continue</c>, <c>Escalate</c>, <c>Complete</c> or <c>Disconnect</c>.</summary>
    public const string Tool = "Tool";

    /// <summary>The contact id (the flow passes <c>$.ContactId</c> as a Lex session attribute).</summary>
    public const string ContactId = "ContactId";

    /// <summary>The channel (the flow passes <c>$.Channel</c>).</summary>
    public const string Channel = "Channel";

    /// <summary>The language (optional; else the bot locale or the contact's language).</summary>
    public const string Language = "Language";

    /// <summary>The customer id (optional).</summary>
    public const string CustomerId = "CustomerId";

    /// <summary>The runtime session id, so the human agent's workspace can open the full conversation.</summary>
    public const string SessionId = "AgentHostSessionId";

    /// <summary>The turn counter of the contact.</summary>
    public const string Turn = "AgentHostTurn";

    /// <summary>The turn id of a turn that goes on in the runtime (collected by the next event).</summary>
    public const string PendingTurn = "AgentHostPendingTurn";

    /// <summary>The customer's words of the pending turn (sent again to collect it; cleared once collected).</summary>
    public const string PendingPrompt = "AgentHostPendingPrompt";

    /// <summary>How many fillers in a row the pending turn has cost (bounded by <see cref="ConnectBridgeOptions.MaxFillers"/>).</summary>
    public const string Fillers = "AgentHostFillers";

    /// <summary>On Escalate: a bounded summary for the human agent.</summary>
    public const string EscalationSummary = "EscalationSummary";

    /// <summary>On Escalate: the link to the full escalation package (<see cref="ConnectBridgeOptions.EscalationUrlTemplate"/>; empty when none is configured).</summary>
    public const string EscalationUrl = "EscalationUrl";

    /// <summary>On Escalate: the configured target queue.</summary>
    public const string TargetQueue = "TargetQueue";

    /// <summary>Contact-flow results: the text to say or send.</summary>
    public const string Reply = "Reply";

    /// <summary>Contact-flow parameters: the customer's words.</summary>
    public const string Utterance = "Utterance";

    /// <summary>Contact-flow parameters: the block's time limit in milliseconds (e.g. 60000 in asynchronous mode).</summary>
    public const string BudgetMs = "BudgetMs";

    /// <summary>Returns whether <paramref name="name"/> is bridge bookkeeping (not passed to the agent as a contact attribute).</summary>
    /// <param name="name">An attribute name.</param>
    /// <returns><see langword="true"/> for the bridge's own names.</returns>
    public static bool IsBookkeeping(string name)
        => name.StartsWith("AgentHost", StringComparison.OrdinalIgnoreCase)
            || name is Tool or EscalationSummary or EscalationUrl or TargetQueue or Reply or BudgetMs
            || name.Equals(Utterance, StringComparison.OrdinalIgnoreCase);
}
