using System.Net.Http.Headers;
using System.Net.Http.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Gateway.Configuration;

namespace AgentHost.Gateway.Authentication;

/// <summary>
/// A CUSTOM_JWT gateway's OAuth token from AgentCore Identity: GetResourceOauth2Token (<c>POST /identities/oauth2/token</c>,
/// SigV4 service <c>bedrock-agentcore</c>, flow <c>M2M</c>) with the workload access token of the invocation the request is
/// made for and the credential provider and scopes of the gateway's configuration (<c>agentcore add credential</c>). The token
/// is the agent's own (machine to machine), cached until shortly before it expires (its JWT <c>exp</c>, else
/// <see cref="GatewayToolOptions.IdentityTokenLifetime"/>) and shared by later invocations; a token obtained before the first
/// invocation is never reused by it. Without a workload access token (local runs, background work) the client-credentials
/// fallback is used when configured.
/// </summary>
internal sealed class AgentCoreIdentityTokenSource : IGatewayTokenSource
{
    public const string TokenPath = "identities/oauth2/token";
    private readonly GatewayOptions _gateway;
    private readonly GatewayToolOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly ClientCredentialsTokenSource? _fallback;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AccessToken? _token;
    private long _fetches;

    /// <param name="gateway">The gateway (credential provider name, scopes).</param>
    /// <param name="options">The integration's options (Identity endpoint, token lifetime, refresh skew).</param>
    /// <param name="time">The clock.</param>
    /// <param name="signedHandler">The SigV4-signing handler chain for Identity's endpoint.</param>
    /// <param name="endpoint">Identity's base address, e.g. <c>https://bedrock-agentcore.us-east-1.amazonaws.com/</c>.</param>
    /// <param name="fallback">Client credentials used without a workload access token; null for none.</param>
    public AgentCoreIdentityTokenSource(
        GatewayOptions gateway, GatewayToolOptions options, TimeProvider time, HttpMessageHandler signedHandler, Uri endpoint, ClientCredentialsTokenSource? fallback)
    {
        _gateway = gateway;
        _options = options;
        _time = time;
        _endpoint = endpoint;
        _fallback = fallback is { IsConfigured: true } ? fallback : null;
        _http = new HttpClient(signedHandler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public bool IsConfigured => true;

    public bool WorksWithoutInvocation => _fallback is not null;

    public long Fetches => Interlocked.Read(ref _fetches) + (_fallback?.Fetches ?? 0);

    public async ValueTask<string> GetTokenAsync(InvocationContext? invocation, CancellationToken cancellationToken)
    {
        if (invocation?.WorkloadAccessToken is not { } workload)
        {
            return _fallback is not null
                ? await _fallback.GetTokenAsync(invocation, cancellationToken).ConfigureAwait(false)
                : throw new GatewayAuthenticationException(
                    $"Gateway '{_gateway.Name}' takes its token from AgentCore Identity (credential provider '{_gateway.CredentialProviderName}'), " +
                    "but the invocation carries no workload access token (X-Amz-Bedrock-AgentCore-Identity-WAT) and no client credentials are configured.");
        }

        var token = _token;
        if (token is not null && _time.GetUtcNow() < token.RefreshAt)
        {
            return token.Value;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            token = _token;
            if (token is not null && _time.GetUtcNow() < token.RefreshAt)
            {
                return token.Value;
            }

            _token = await FetchAsync(workload, cancellationToken).ConfigureAwait(false);
            return _token.Value;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate()
    {
        _token = null;
        _fallback?.Invalidate();
    }

    public void Dispose()
    {
        _http.Dispose();
        _lock.Dispose();
        _fallback?.Dispose();
    }

    private async Task<AccessToken> FetchAsync(WorkloadAccessToken workload, CancellationToken cancellationToken)
    {
        var body = new IdentityTokenRequest
        {
            WorkloadIdentityToken = workload.Value,
            ResourceCredentialProviderName = _gateway.CredentialProviderName!,
            Scopes = [.. _gateway.Scopes],
            Oauth2Flow = "M2M",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, TokenPath))
        {
            Content = JsonContent.Create(body, GatewayJsonContext.Default.IdentityTokenRequest, new MediaTypeHeaderValue("application/json")),
        };
        var started = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new GatewayAuthenticationException($"AgentCore Identity is unreachable for gateway '{_gateway.Name}': {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault()?.Split(':')[0] : null;
                throw new GatewayAuthenticationException(
                    $"AgentCore Identity answered {(int)response.StatusCode}{(type is null ? string.Empty : " " + type)} for gateway '{_gateway.Name}' " +
                    $"(credential provider '{_gateway.CredentialProviderName}').");
            }

            var answer = await response.Content.ReadFromJsonAsync(GatewayJsonContext.Default.IdentityTokenResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(answer?.AccessToken))
            {
                throw new GatewayAuthenticationException(answer?.AuthorizationUrl is not null
                    ? $"AgentCore Identity asks for a user's authorization for gateway '{_gateway.Name}'; only the M2M flow is supported."
                    : $"AgentCore Identity returned no access token for gateway '{_gateway.Name}'.");
            }

            Interlocked.Increment(ref _fetches);
            var expires = JwtExpiry.Read(answer.AccessToken) ?? started + _options.IdentityTokenLifetime;
            var lifetime = expires - started;
            var skew = _options.TokenRefreshSkew < lifetime / 2 ? _options.TokenRefreshSkew : lifetime / 2;
            return new AccessToken(answer.AccessToken, expires - skew);
        }
    }
}
