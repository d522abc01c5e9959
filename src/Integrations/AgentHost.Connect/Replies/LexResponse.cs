using System.Text.Json.Serialization;
using AgentHost.Connect.Events;

namespace AgentHost.Connect.Replies;

/// <summary>The reply to a Lex V2 code hook: the new session state (always) and the messages to say or show.</summary>
public sealed class LexResponse
{
    /// <summary>The session state Lex continues with.</summary>
    [JsonPropertyName("sessionState")]
    public required LexSessionState SessionState { get; init; }

    /// <summary>The messages (required with <c>ElicitIntent</c>).</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<LexMessage> Messages { get; init; }
}
