using System.Globalization;
using AgentHost.Connect.Events;
using AgentHost.Connect.Sessions;
using AgentHost.Connect.Text;

namespace AgentHost.Connect.Bridge;

/// <summary>Builds the <see cref="ContactTurnContext"/> of a Lex V2 or contact-flow event.</summary>
public static class ContactTurnContextFactory
{
    /// <summary>At most this many attributes go to the agent.</summary>
    public const int MaxAttributes = 40;

    /// <summary>Attribute names longer than this are left out.</summary>
    public const int MaxAttributeNameLength = 100;

    /// <summary>Attribute values are cut to this length.</summary>
    public const int MaxAttributeValueLength = 1000;

    /// <summary>Builds the context of an event.</summary>
    /// <param name="parsed">A Lex or contact-flow event.</param>
    /// <param name="options">The bridge options (budgets).</param>
    /// <param name="problem">Why no context could be built (no event contents).</param>
    /// <returns>The context, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static ContactTurnContext? Create(ParsedConnectEvent parsed, ConnectBridgeOptions options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(options);
        problem = null;
        return parsed.Kind switch
        {
            ConnectEventKind.Lex => FromLex(parsed.Event!, options, out problem),
            ConnectEventKind.ContactFlow => FromFlow(parsed.Event!, options, out problem),
            _ => Fail(parsed.Problem ?? "Unknown event.", out problem),
        };
    }

    private static ContactTurnContext? FromLex(InboundEvent lex, ConnectBridgeOptions options, out string? problem)
    {
        problem = null;
        var session = lex.SessionState?.SessionAttributes ?? [];
        var contactId = Get(session, BridgeAttributes.ContactId) ?? Get(session, "contactId") ?? lex.SessionId;
        if (string.IsNullOrWhiteSpace(contactId))
        {
            return Fail("The Lex event has neither a ContactId session attribute nor a sessionId.", out problem);
        }

        var inputMode = lex.InputMode ?? string.Empty;
        var channel = (Get(session, BridgeAttributes.Channel) ?? Get(session, "channel"))?.ToUpperInvariant()
            ?? (inputMode.Equals("Text", StringComparison.OrdinalIgnoreCase) ? "CHAT" : "VOICE");
        var voice = inputMode.Equals("Speech", StringComparison.OrdinalIgnoreCase)
            || inputMode.Equals("DTMF", StringComparison.OrdinalIgnoreCase)
            || (inputMode.Length == 0 && channel == "VOICE");
        var attributes = Bounded(session);
        Add(attributes, "inputMode", lex.InputMode);
        Add(attributes, "lexIntent", lex.SessionState?.Intent?.Name);
        Add(attributes, "lexInvocationSource", lex.InvocationSource);
        return new ContactTurnContext
        {
            Kind = ConnectEventKind.Lex,
            ContactId = contactId,
            SessionId = ContactSessionIds.ForContact(contactId),
            Channel = channel,
            Voice = voice,
            Language = Get(session, BridgeAttributes.Language) ?? lex.Bot?.LocaleId?.Replace('_', '-'),
            Utterance = lex.InputTranscript?.Trim() ?? string.Empty,
            Counter = TurnIds.ParseCounter(Get(session, BridgeAttributes.Turn)),
            PendingTurnId = Get(session, BridgeAttributes.PendingTurn),
            PendingPrompt = Get(session, BridgeAttributes.PendingPrompt),
            PendingFillers = TurnIds.ParseCounter(Get(session, BridgeAttributes.Fillers)),
            CustomerId = Get(session, BridgeAttributes.CustomerId),
            Budget = options.LexBudget,
            Attributes = attributes,
        };
    }

    private static ContactTurnContext? FromFlow(InboundEvent flow, ConnectBridgeOptions options, out string? problem)
    {
        problem = null;
        var contact = flow.Details!.ContactData!;
        if (string.IsNullOrWhiteSpace(contact.ContactId))
        {
            return Fail("The contact-flow event has no ContactId.", out problem);
        }

        var parameters = flow.Details.Parameters ?? [];
        var contactAttributes = contact.Attributes ?? [];
        string? State(string name) => Get(parameters, name) ?? Get(contactAttributes, name);
        var channel = contact.Channel?.ToUpperInvariant() ?? "VOICE";
        var attributes = Bounded(contactAttributes.Concat(parameters));
        Add(attributes, "customerEndpoint", EndpointMask.Mask(contact.CustomerEndpoint?.Address));
        Add(attributes, "customerEndpointType", contact.CustomerEndpoint?.Type);
        Add(attributes, "queue", contact.Queue?.Name);
        var budget = TurnIds.ParseCounter(Get(parameters, BridgeAttributes.BudgetMs)) is > 0 and var ms
            ? TimeSpan.FromMilliseconds(ms)
            : options.FlowBudget;
        return new ContactTurnContext
        {
            Kind = ConnectEventKind.ContactFlow,
            ContactId = contact.ContactId,
            SessionId = ContactSessionIds.ForContact(contact.ContactId),
            Channel = channel,
            Voice = channel == "VOICE",
            Language = contact.LanguageCode,
            Utterance = (Get(parameters, BridgeAttributes.Utterance) ?? Get(parameters, "utterance"))?.Trim() ?? string.Empty,
            Counter = TurnIds.ParseCounter(State(BridgeAttributes.Turn)),
            PendingTurnId = State(BridgeAttributes.PendingTurn),
            PendingPrompt = State(BridgeAttributes.PendingPrompt),
            PendingFillers = TurnIds.ParseCounter(State(BridgeAttributes.Fillers)),
            CustomerId = contact.CustomerId ?? State(BridgeAttributes.CustomerId),
            Budget = budget,
            Attributes = attributes,
        };
    }

    private static Dictionary<string, string> Bounded(IEnumerable<KeyValuePair<string, string?>> source)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in source)
        {
            if (result.Count >= MaxAttributes)
            {
                break;
            }

            if (value is null || name.Length is 0 or > MaxAttributeNameLength || BridgeAttributes.IsBookkeeping(name))
            {
                continue;
            }

            result[name] = value.Length > MaxAttributeValueLength ? value[..MaxAttributeValueLength] : value;
        }

        return result;
    }

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            attributes[name] = value.Length > MaxAttributeValueLength ? value[..MaxAttributeValueLength] : value;
        }
    }

    private static string? Get(Dictionary<string, string?> map, string name)
        => map.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static ContactTurnContext? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
