namespace AgentHost.Abstractions.Agents;

/// <summary>
/// The workload access token AgentCore Runtime passes with an invocation (<c>X-Amz-Bedrock-AgentCore-Identity-WAT</c>, older
/// name <c>WorkloadAccessToken</c>): it lets the agent obtain credentials from AgentCore Identity (e.g. a gateway's OAuth token)
/// for this invocation. Passed explicitly with the invocation, never through ambient state.
/// </summary>
/// <remarks>Sensitive: <see cref="ToString"/> never prints the value; never log or store <see cref="Value"/>.</remarks>
public sealed class WorkloadAccessToken
{
    private WorkloadAccessToken(string value) => Value = value;

    /// <summary>The token. Sensitive.</summary>
    public string Value { get; }

    /// <summary>Wraps a header value; null for a missing or blank one.</summary>
    public static WorkloadAccessToken? FromHeader(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new WorkloadAccessToken(value.Trim());

    /// <summary>Returns a placeholder, never the value.</summary>
    public override string ToString() => "[redacted]";
}
