using System.Globalization;

namespace AgentHost.Connect.Bridge;

/// <summary>
/// Settings of the Connect bridge, each with a documented default and an environment variable (read by
/// <see cref="FromEnvironment"/>). Texts are what the customer hears or reads when the agent cannot answer in time.
/// </summary>
public sealed class ConnectBridgeOptions
{
    /// <summary>Budget of a Lex code hook turn, in milliseconds: <c>AGENTHOST_CONNECT_LEX_BUDGET_MS</c>. Default 8000 (the caller waits in silence; Lex allows 30 s).</summary>
    public TimeSpan LexBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Budget of a contact-flow turn: <c>AGENTHOST_CONNECT_FLOW_BUDGET_MS</c>. Default 8000 (synchronous InvokeLambdaFunction); an event parameter <c>BudgetMs</c> overrides it (e.g. 60000 in asynchronous mode).</summary>
    public TimeSpan FlowBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Time kept back from the budget to answer and for Connect's own overhead: <c>AGENTHOST_CONNECT_SAFETY_MARGIN_MS</c>. Default 1000.</summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the runtime may go on with a turn in the background after the filler: <c>AGENTHOST_CONNECT_TURN_TIMEOUT_MS</c>. Default 120000.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Said when the turn will not finish within the budget: <c>AGENTHOST_CONNECT_FILLER_TEXT</c>.</summary>
    public string FillerText { get; set; } = "One moment while I look into that.";

    /// <summary>
    /// How many fillers in a row one turn may cost before the contact is escalated: <c>AGENTHOST_CONNECT_MAX_FILLERS</c>.
    /// Default 3 (with an 8 s budget, about half a minute of waiting).
    /// </summary>
    public int MaxFillers { get; set; } = 3;

    /// <summary>Said when the runtime cannot be reached or fails, before the contact is escalated: <c>AGENTHOST_CONNECT_FALLBACK_TEXT</c>.</summary>
    public string FallbackText { get; set; } = "Sorry, I can't help with that right now. Let me get someone who can.";

    /// <summary>Said when the customer's input was empty: <c>AGENTHOST_CONNECT_NO_INPUT_TEXT</c>.</summary>
    public string NoInputText { get; set; } = "Sorry, I didn't catch that. Could you say it again?";

    /// <summary>Said when the agent's answer is empty once prepared for the channel: <c>AGENTHOST_CONNECT_EMPTY_ANSWER_TEXT</c>.</summary>
    public string EmptyAnswerText { get; set; } = "Sorry, I don't have an answer to that. Could you put it another way?";

    /// <summary>Glob patterns of tools whose successful call means Escalate: <c>AGENTHOST_CONNECT_ESCALATE_TOOLS</c> (comma-separated). Default <c>escalation___*</c>, <c>*escalate_to_human</c>.</summary>
    public IReadOnlyList<string> EscalateTools { get; set; } = ["escalation___*", "*escalate_to_human"];

    /// <summary>Glob patterns of tools whose successful call means Complete: <c>AGENTHOST_CONNECT_COMPLETE_TOOLS</c>. Default none.</summary>
    public IReadOnlyList<string> CompleteTools { get; set; } = [];

    /// <summary>Glob patterns of tools whose successful call means Disconnect: <c>AGENTHOST_CONNECT_DISCONNECT_TOOLS</c>. Default none.</summary>
    public IReadOnlyList<string> DisconnectTools { get; set; } = [];

    /// <summary>The queue (ARN or name) put in <c>TargetQueue</c> on Escalate: <c>AGENTHOST_CONNECT_ESCALATION_QUEUE</c>. Default none (the flow's own queue).</summary>
    public string? EscalationQueue { get; set; }

    /// <summary>
    /// On Escalate, a link for the human agent to the full escalation package (the supervisor console's
    /// <c>/escalations/contact/{contactId}</c> page: the conversation, tool calls, flags and approvals), written to the
    /// <c>EscalationUrl</c> attribute: <c>AGENTHOST_CONNECT_ESCALATION_URL</c>, an absolute http(s) URL in which
    /// <c>{contactId}</c> and <c>{sessionId}</c> are replaced (escaped), e.g. <c>https://supervisor.example.com/escalations/contact/{contactId}</c>.
    /// Default none (the attribute is empty).
    /// </summary>
    public string? EscalationUrlTemplate { get; set; }

    /// <summary>Longest spoken reply, in characters: <c>AGENTHOST_CONNECT_VOICE_MAX_CHARS</c>. Default 600.</summary>
    public int VoiceMaxChars { get; set; } = 600;

    /// <summary>Longest chat reply, in characters: <c>AGENTHOST_CONNECT_CHAT_MAX_CHARS</c>. Default 4000.</summary>
    public int ChatMaxChars { get; set; } = 4000;

    /// <summary>Longest escalation summary, in characters: <c>AGENTHOST_CONNECT_SUMMARY_MAX_CHARS</c>. Default 1000.</summary>
    public int SummaryMaxChars { get; set; } = 1000;

    /// <summary>Reads the options from environment variables; unset variables keep the defaults.</summary>
    /// <param name="environment">Variable lookup; defaults to the process environment.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">A number variable is not a positive integer; the message names it.</exception>
    public static ConnectBridgeOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var options = new ConnectBridgeOptions();
        options.LexBudget = Milliseconds(environment, "AGENTHOST_CONNECT_LEX_BUDGET_MS") ?? options.LexBudget;
        options.FlowBudget = Milliseconds(environment, "AGENTHOST_CONNECT_FLOW_BUDGET_MS") ?? options.FlowBudget;
        options.SafetyMargin = Milliseconds(environment, "AGENTHOST_CONNECT_SAFETY_MARGIN_MS") ?? options.SafetyMargin;
        options.TurnTimeout = Milliseconds(environment, "AGENTHOST_CONNECT_TURN_TIMEOUT_MS") ?? options.TurnTimeout;
        options.FillerText = Text(environment, "AGENTHOST_CONNECT_FILLER_TEXT") ?? options.FillerText;
        options.FallbackText = Text(environment, "AGENTHOST_CONNECT_FALLBACK_TEXT") ?? options.FallbackText;
        options.NoInputText = Text(environment, "AGENTHOST_CONNECT_NO_INPUT_TEXT") ?? options.NoInputText;
        options.EmptyAnswerText = Text(environment, "AGENTHOST_CONNECT_EMPTY_ANSWER_TEXT") ?? options.EmptyAnswerText;
        options.EscalateTools = List(environment, "AGENTHOST_CONNECT_ESCALATE_TOOLS") ?? options.EscalateTools;
        options.CompleteTools = List(environment, "AGENTHOST_CONNECT_COMPLETE_TOOLS") ?? options.CompleteTools;
        options.DisconnectTools = List(environment, "AGENTHOST_CONNECT_DISCONNECT_TOOLS") ?? options.DisconnectTools;
        options.EscalationQueue = Text(environment, "AGENTHOST_CONNECT_ESCALATION_QUEUE");
        options.EscalationUrlTemplate = UrlTemplate(environment, "AGENTHOST_CONNECT_ESCALATION_URL");
        options.MaxFillers = Count(environment, "AGENTHOST_CONNECT_MAX_FILLERS") ?? options.MaxFillers;
        options.VoiceMaxChars = Count(environment, "AGENTHOST_CONNECT_VOICE_MAX_CHARS") ?? options.VoiceMaxChars;
        options.ChatMaxChars = Count(environment, "AGENTHOST_CONNECT_CHAT_MAX_CHARS") ?? options.ChatMaxChars;
        options.SummaryMaxChars = Count(environment, "AGENTHOST_CONNECT_SUMMARY_MAX_CHARS") ?? options.SummaryMaxChars;
        return options;
    }

    /// <summary>The escalation link for a contact, or null when no template is configured or the contact is unknown.</summary>
    /// <param name="context">The contact.</param>
    /// <returns>The URL.</returns>
    public string? EscalationUrlFor(ContactTurnContext? context)
        => EscalationUrlTemplate is { } template && context is not null ? Expand(template, context.ContactId, context.SessionId) : null;

    private static string Expand(string template, string contactId, string sessionId)
        => template
            .Replace("{contactId}", Uri.EscapeDataString(contactId), StringComparison.Ordinal)
            .Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);

    private static string? UrlTemplate(Func<string, string?> environment, string name)
    {
        if (Text(environment, name) is not { } template)
        {
            return null;
        }

        return Uri.TryCreate(Expand(template, "contact", "session"), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? template
            : throw new FormatException($"{name} must be an absolute http(s) URL, with {{contactId}} or {{sessionId}} where the contact's goes; it is '{template}'.");
    }

    private static string? Text(Func<string, string?> environment, string name)
        => environment(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static IReadOnlyList<string>? List(Func<string, string?> environment, string name)
        => environment(name) is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    private static int? Count(Func<string, string?> environment, string name)
    {
        if (Text(environment, name) is not { } value)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"{name} must be a positive whole number; it is '{value}'.");
    }

    private static TimeSpan? Milliseconds(Func<string, string?> environment, string name)
        => Count(environment, name) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
