namespace AgentHost.Sanitization;

/// <summary>Settings of the injection detector (configuration section <c>Sanitization:Injection</c>).</summary>
public sealed class InjectionOptions
{
    /// <summary>The default placeholder.</summary>
    public const string DefaultPlaceholder = "[removed: instruction-like text]";

    /// <summary>Whether instruction-like text is removed from tool results. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>What replaces removed text. Default: <c>[removed: instruction-like text]</c>.</summary>
    public string Placeholder { get; set; } = DefaultPlaceholder;

    /// <summary>
    /// Tool names the agent can call. Function-call syntax naming one of them in a tool result
    /// (<c>refund_order(amount=...)</c>) is treated as a fake tool call even without a "call ..." verb before it.
    /// Default: none (gateway-style <c>target___tool(...)</c> names and calls introduced by a verb are still caught).
    /// </summary>
    public IList<string> KnownToolNames { get; set; } = [];
}
