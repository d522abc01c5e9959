using AgentHost.Abstractions.Agents;

namespace AgentHost.Gateway.Authentication;

/// <summary>Where a CUSTOM_JWT gateway's bearer tokens come from (OAuth client credentials, or AgentCore Identity).</summary>
internal interface IGatewayTokenSource : IDisposable
{
    /// <summary>Whether the source is configured at all (else requests go without a token of their own).</summary>
    bool IsConfigured { get; }

    /// <summary>Whether the source can obtain a token without an invocation (for background listing and the event stream).</summary>
    bool WorksWithoutInvocation { get; }

    /// <summary>How many tokens were obtained (for status and tests).</summary>
    long Fetches { get; }

    /// <summary>
    /// A token for a request, cached until shortly before it expires. <paramref name="invocation"/> is the invocation the
    /// request is made for (null for background work); a token obtained before the first invocation (at start-up, possibly
    /// before a Runtime V2 snapshot) is obtained again when an invocation first uses it.
    /// </summary>
    /// <exception cref="GatewayAuthenticationException">No token can be obtained.</exception>
    ValueTask<string> GetTokenAsync(InvocationContext? invocation, CancellationToken cancellationToken);

    /// <summary>Drops the cached token (after a 401).</summary>
    void Invalidate();
}
