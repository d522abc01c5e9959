namespace AgentHost.Abstractions.Agents;

/// <summary>
/// Who is calling and how: filled by the entry point from the invocation and the session, and passed explicitly to hooks,
/// tool-call middleware and tools (through <see cref="Tools.ToolInvocation"/>), never through ambient state.
/// </summary>
public sealed record InvocationContext
{
    /// <summary>The session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The idempotency key of this turn.</summary>
    public required string TurnId { get; init; }

    /// <summary>The channel (<c>VOICE</c>, <c>CHAT</c>, <c>CLI</c>...), when known.</summary>
    public string? Channel { get; init; }

    /// <summary>The caller's language, e.g. <c>en-US</c>, when known.</summary>
    public string? Language { get; init; }

    /// <summary>The Amazon Connect contact id, when the turn comes from Connect.</summary>
    public string? ContactId { get; init; }

    /// <summary>Caller attributes passed in the payload (string values).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The runtime request id (<c>X-Amzn-Bedrock-AgentCore-Runtime-Request-Id</c>), when present.</summary>
    public string? RequestId { get; init; }

    /// <summary>Who the caller is (verified claims or trusted attributes), when known.</summary>
    public CallerIdentity? Caller { get; init; }

    /// <summary>The inbound <c>Authorization</c> header, for pass-through gateways; null when absent. Sensitive (redacted in <c>ToString</c>).</summary>
    public CallerAuthorization? Authorization { get; init; }

    /// <summary>The turn's absolute deadline (the caller's budget), when it has one.</summary>
    public DateTimeOffset? Deadline { get; init; }
}
