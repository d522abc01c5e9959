using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Core.Sessions;

/// <summary>One user turn on a session, as an entry point (HTTP, CLI, Connect) receives it.</summary>
public sealed record SessionTurnRequest
{
    /// <summary>The session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The user's words.</summary>
    public required string Prompt { get; init; }

    /// <summary>
    /// The idempotency key. When set and a turn with this id is already stored (or running), its result is returned
    /// instead of running the turn again. Null: a new id is generated.
    /// </summary>
    public string? TurnId { get; init; }

    /// <summary>The channel, e.g. <c>CHAT</c>, <c>VOICE</c>, <c>CLI</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The caller's language, e.g. <c>en-US</c>.</summary>
    public string? Language { get; init; }

    /// <summary>The Amazon Connect contact id.</summary>
    public string? ContactId { get; init; }

    /// <summary>Caller attributes (string values), available to hooks and instruction placeholders.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Who the caller is (verified claims or trusted attributes); never taken from model output.</summary>
    public CallerIdentity? Caller { get; init; }

    /// <summary>The inbound <c>Authorization</c> header, for pass-through gateways. Sensitive: passed explicitly, never stored or logged.</summary>
    public CallerAuthorization? Authorization { get; init; }

    /// <summary>The runtime request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>An absolute deadline for the turn. Null: only the configured turn timeout applies.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Session metadata to merge into the session header when the turn is stored.</summary>
    public SessionMetadata? Metadata { get; init; }
}
