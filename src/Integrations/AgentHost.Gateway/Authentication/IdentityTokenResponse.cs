using System.Text.Json.Serialization;

namespace AgentHost.Gateway.Authentication;

/// <summary>The members of GetResourceOauth2Token's answer the host reads (an M2M flow answers with <c>accessToken</c>).</summary>
internal sealed class IdentityTokenResponse
{
    [JsonPropertyName("accessToken")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("authorizationUrl")]
    public string? AuthorizationUrl { get; set; }
}
