using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>
/// Both event shapes in one model, so one parse tells which it is: a contact-flow event has <see cref="Details"/>
/// (PascalCase members), a Lex V2 code hook event has <see cref="SessionState"/> and <see cref="InvocationSource"/>
/// (camelCase members). Members the bridge does not use are ignored.
/// </summary>
public sealed class InboundEvent
{
    /// <summary>The contact-flow event name, <c>ContactFlowEvent</c>.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; set; }

    /// <summary>The contact-flow event's details.</summary>
    [JsonPropertyName("Details")]
    public FlowDetails? Details { get; set; }

    /// <summary>Lex: the message version, <c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary>Lex: <c>DialogCodeHook</c> or <c>FulfillmentCodeHook</c>.</summary>
    [JsonPropertyName("invocationSource")]
    public string? InvocationSource { get; set; }

    /// <summary>Lex: <c>Text</c>, <c>Speech</c> or <c>DTMF</c>.</summary>
    [JsonPropertyName("inputMode")]
    public string? InputMode { get; set; }

    /// <summary>Lex: the content type the caller expects (e.g. <c>text/plain; charset=utf-8</c>).</summary>
    [JsonPropertyName("responseContentType")]
    public string? ResponseContentType { get; set; }

    /// <summary>Lex: the Lex session id (not necessarily the Connect contact id).</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; set; }

    /// <summary>Lex: what the customer said or typed.</summary>
    [JsonPropertyName("inputTranscript")]
    public string? InputTranscript { get; set; }

    /// <summary>Lex: the bot.</summary>
    [JsonPropertyName("bot")]
    public LexBot? Bot { get; set; }

    /// <summary>Lex: the session state (attributes, intent, dialog action, active contexts).</summary>
    [JsonPropertyName("sessionState")]
    public LexSessionState? SessionState { get; set; }

    /// <summary>Lex: request attributes (string values).</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string?>? RequestAttributes { get; set; }
}
