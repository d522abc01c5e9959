using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>The JSON body of <c>POST /invocations</c>. Only <see cref="Prompt"/> is required; unknown members are ignored.</summary>
public sealed class InvocationPayload
{
    /// <summary>The user's words.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    /// <summary>The session id, when the runtime session header is absent (local use).</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; set; }

    /// <summary>True to stream Server-Sent Events (as with <c>Accept: text/event-stream</c>).</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; set; }

    /// <summary>The idempotency key of the turn: a retry with the same id returns the stored result instead of running again.</summary>
    [JsonPropertyName("turnId")]
    public string? TurnId { get; set; }

    /// <summary>The channel (<c>VOICE</c>, <c>CHAT</c>...).</summary>
    [JsonPropertyName("channel")]
    public string? Channel { get; set; }

    /// <summary>The caller's language, e.g. <c>en-US</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>The Amazon Connect contact id.</summary>
    [JsonPropertyName("contactId")]
    public string? ContactId { get; set; }

    /// <summary>An opaque customer reference for the session header.</summary>
    [JsonPropertyName("customerId")]
    public string? CustomerId { get; set; }

    /// <summary>Caller attributes (string values).</summary>
    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>The caller's remaining time budget in milliseconds; the turn stops with <c>deadline</c> when it runs out.</summary>
    [JsonPropertyName("timeoutMs")]
    public long? TimeoutMs { get; set; }

    /// <summary>
    /// How long the caller waits for the answer, in milliseconds (optional; JSON responses only). When it passes before the
    /// turn ends, the host answers <c>202</c> with stop reason <see cref="InvocationStopReasons.Running"/> and the turn id, and
    /// goes on with the turn in the background (bounded by <see cref="TimeoutMs"/> and graceful shutdown; <c>/ping</c> reports
    /// <c>HealthyBusy</c> meanwhile). Send the same <see cref="TurnId"/> and prompt again to collect it: a running turn is
    /// waited for again (up to the new <c>waitMs</c>), a finished one is returned.
    /// </summary>
    [JsonPropertyName("waitMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? WaitMs { get; set; }
}
