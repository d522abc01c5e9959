namespace AgentHost.Connect.Bridge;

/// <summary>One turn as the bridge asks the runtime for it.</summary>
public sealed class AgentTurnCall
{
    /// <summary>The runtime session id (derived from the contact id).</summary>
    public required string SessionId { get; init; }

    /// <summary>The turn id: the idempotency key that also collects a turn left running.</summary>
    public required string TurnId { get; init; }

    /// <summary>The customer's words.</summary>
    public required string Prompt { get; init; }

    /// <summary>When the bridge must have its answer: after this the runtime answers "still running" and goes on.</summary>
    public required DateTimeOffset ReplyBy { get; init; }

    /// <summary>How long the runtime may spend on the turn in all, including in the background.</summary>
    public required TimeSpan TurnTimeout { get; init; }

    /// <summary><c>VOICE</c>, <c>CHAT</c>...</summary>
    public string? Channel { get; init; }

    /// <summary>The language, e.g. <c>en-US</c>.</summary>
    public string? Language { get; init; }

    /// <summary>The Connect contact id.</summary>
    public string? ContactId { get; init; }

    /// <summary>The customer id, when known.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Contact attributes and bridge facts (masked endpoint, input mode...), bounded.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
