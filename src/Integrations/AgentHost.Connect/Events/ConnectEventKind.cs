namespace AgentHost.Connect.Events;

/// <summary>Which Amazon Connect caller sent an event.</summary>
public enum ConnectEventKind
{
    /// <summary>Not recognised (malformed JSON, or neither shape): answered with a safe reply and <c>Escalate</c>.</summary>
    Unknown,

    /// <summary>A Lex V2 code hook event (<c>sessionState</c>, <c>inputTranscript</c>, <c>invocationSource</c>).</summary>
    Lex,

    /// <summary>A contact-flow InvokeLambdaFunction event (<c>Details.ContactData</c>, <c>Details.Parameters</c>).</summary>
    ContactFlow,
}
