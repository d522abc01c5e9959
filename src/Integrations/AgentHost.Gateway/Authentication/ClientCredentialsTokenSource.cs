using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AgentHost.Abstractions.Agents;
using AgentHost.Gateway.Configuration;

namespace AgentHost.Gateway.Authentication;

/// <summary>
/// OAuth2 client-credentials tokens for one gateway: fetched on first use, cached, refreshed <see cref="GatewayToolOptions.TokenRefreshSkew"/>
/// before expiry (at most half-way through the lifetime), and dropped by <see cref="Invalidate"/> after a 401. A token fetched
/// before the first invocation (during start-up, which AgentCore Runtime V2 may snapshot and restore many times) is fetched
/// again when the first invocation uses it. The client secret is read from the environment variable or secrets file at every
/// fetch and never logged.
/// </summary>
internal sealed class ClientCredentialsTokenSource : IGatewayTokenSource
{
    private readonly GatewayOptions _gateway;
    private readonly TimeSpan _skew;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AccessToken? _token;
    private long _fetches;
    private int _invocationSeen;

    public ClientCredentialsTokenSource(GatewayOptions gateway, TimeSpan skew, TimeProvider time, HttpMessageHandler handler)
    {
        _gateway = gateway;
        _skew = skew;
        _time = time;
        _http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>How many tokens were fetched (for status and tests).</summary>
    public long Fetches => Interlocked.Read(ref _fetches);

    public bool IsConfigured => _gateway.TokenEndpoint is not null && !string.IsNullOrEmpty(_gateway.ClientId);

    public bool WorksWithoutInvocation => true;

    public async ValueTask<string> GetTokenAsync(InvocationContext? invocation, CancellationToken cancellationToken)
    {
        if (invocation is not null && Volatile.Read(ref _invocationSeen) == 0 && Interlocked.Exchange(ref _invocationSeen, 1) == 0)
        {
            // The first invocation: a token from start-up may come from before a snapshot; never reuse it blindly.
            _token = null;
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

            _token = await FetchAsync(cancellationToken).ConfigureAwait(false);
            return _token.Value;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _token = null;

    public void Dispose()
    {
        _http.Dispose();
        _lock.Dispose();
    }

    private async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new GatewayAuthenticationException($"Gateway '{_gateway.Name}' uses CUSTOM_JWT but has no token endpoint or client id.");
        }

        var secret = ReadSecret();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = _gateway.ClientId! };
        if (_gateway.Scopes.Count > 0)
        {
            form["scope"] = string.Join(' ', _gateway.Scopes);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _gateway.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(_gateway.ClientId!) + ":" + Uri.EscapeDataString(secret))));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var started = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new GatewayAuthenticationException($"The token endpoint of gateway '{_gateway.Name}' is unreachable: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new GatewayAuthenticationException($"The token endpoint of gateway '{_gateway.Name}' answered {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadFromJsonAsync(GatewayJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.AccessToken))
            {
                throw new GatewayAuthenticationException($"The token endpoint of gateway '{_gateway.Name}' returned no access_token.");
            }

            Interlocked.Increment(ref _fetches);
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 3600);
            var skew = _skew < lifetime / 2 ? _skew : lifetime / 2;
            return new AccessToken(body.AccessToken, started + lifetime - skew);
        }
    }

    private string ReadSecret()
    {
        if (_gateway.ClientSecretVariable is { Length: > 0 } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (_gateway.ClientSecretFile is { Length: > 0 } file)
        {
            try
            {
                var fromFile = File.ReadAllText(file).Trim();
                if (fromFile.Length > 0)
                {
                    return fromFile;
                }
            }
            catch (IOException ex)
            {
                throw new GatewayAuthenticationException($"The client secret file of gateway '{_gateway.Name}' cannot be read.", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new GatewayAuthenticationException($"The client secret file of gateway '{_gateway.Name}' cannot be read.", ex);
            }
        }

        throw new GatewayAuthenticationException(
            $"Gateway '{_gateway.Name}' has no client secret: set {_gateway.ClientSecretVariable ?? "the ClientSecretVariable"} or a ClientSecretFile.");
    }
}
