namespace AgentHost.Abstractions.Agents;

/// <summary>
/// The inbound <c>Authorization</c> header of an invocation, for gateways that pass the caller's token through. Passed
/// explicitly with the call (never through ambient state), so background work never sees it.
/// </summary>
/// <remarks>Sensitive: <see cref="ToString"/> never prints the value; never log or store <see cref="Value"/>.</remarks>
public sealed class CallerAuthorization
{
    private CallerAuthorization(string value) => Value = value;

    /// <summary>The header value, e.g. <c>Bearer eyJ...</c>. Sensitive.</summary>
    public string Value { get; }

    /// <summary>Wraps a header value; null for a missing or blank one.</summary>
    public static CallerAuthorization? FromHeader(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new CallerAuthorization(value.Trim());

    /// <summary>Returns a placeholder, never the value.</summary>
    public override string ToString() => "[redacted]";
}
