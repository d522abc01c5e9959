using System.Net.Http.Headers;

namespace AgentHost.Gateway.Authentication;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to every MCP request: the inbound header when pass-through is on and one is present,
/// else a client-credentials token when configured. The token is never logged.
/// </summary>
internal sealed class BearerTokenHandler(ClientCredentialsTokenSource tokens, IInboundAuthorizationAccessor? inbound, bool passThrough) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (passThrough && inbound?.Authorization is { Length: > 0 } header && AuthenticationHeaderValue.TryParse(header, out var parsed))
        {
            request.Headers.Authorization = parsed;
        }
        else if (tokens.IsConfigured)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
