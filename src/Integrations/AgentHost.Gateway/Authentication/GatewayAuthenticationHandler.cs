using System.Net.Http.Headers;
using AgentHost.Abstractions.Agents;

namespace AgentHost.Gateway.Authentication;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to a CUSTOM_JWT gateway's MCP requests: the caller's own <c>Authorization</c> when
/// pass-through is on and the request is made for an invocation that carries one; else a token from the gateway's token source
/// (client credentials, or AgentCore Identity with the invocation's workload access token). The invocation travels with the
/// request (<see cref="GatewayRequestCredentials"/>); a session's handshake, which the SDK sends on its own, uses the invocation
/// that opens the session (<paramref name="handshake"/>). Tokens are never logged.
/// </summary>
internal sealed class GatewayAuthenticationHandler(IGatewayTokenSource? tokens, bool passThrough, Func<InvocationContext?> handshake) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var message = GatewayRequestCredentials.Message(request);
        var invocation = GatewayRequestCredentials.Invocation(request) ?? (GatewayRequestCredentials.IsHandshake(message) ? handshake() : null);
        if (passThrough && invocation?.Authorization is { } caller && AuthenticationHeaderValue.TryParse(caller.Value, out var parsed))
        {
            request.Headers.Authorization = parsed;
        }
        else if (tokens is { IsConfigured: true } && (invocation is not null || tokens.WorksWithoutInvocation))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(invocation, cancellationToken).ConfigureAwait(false));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
