using AgentHost.Connect.Events;

namespace AgentHost.Connect.Bridge;

/// <summary>What the bridge needs from one event, whichever caller sent it.</summary>
public sealed class ContactTurnContext
{
    /// <summary>Lex or contact flow.</summary>
    public required ConnectEventKind Kind { get; init; }

    /// <summary>The contact id.</summary>
    public required string ContactId { get; init; }

    /// <summary>The runtime session id derived from <see cref="ContactId"/>.</summary>
    public required string SessionId { get; init; }

    /// <summary><c>VOICE</c>, <c>CHAT</c>, <c>TASK</c>, <c>EMAIL</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>True when the reply is spoken (voice channel, or Lex speech/DTMF input).</summary>
    public required bool Voice { get; init; }

    /// <summary>The language, when known.</summary>
    public string? Language { get; init; }

    /// <summary>The customer's words (may be empty).</summary>
    public required string Utterance { get; init; }

    /// <summary>The turn counter received with the event.</summary>
    public required int Counter { get; init; }

    /// <summary>The turn left running by an earlier event, if any.</summary>
    public string? PendingTurnId { get; init; }

    /// <summary>The words of the pending turn.</summary>
    public string? PendingPrompt { get; init; }

    /// <summary>How many fillers the pending turn has cost so far.</summary>
    public int PendingFillers { get; init; }

    /// <summary>The customer id, when known.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The time the caller allows for this event (before the Lambda deadline is applied).</summary>
    public required TimeSpan Budget { get; init; }

    /// <summary>Attributes for the agent (contact attributes and bridge facts), bounded.</summary>
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }
}
