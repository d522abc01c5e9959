using System.Text.Json.Serialization;

namespace AgentHost.Gateway.Authentication;

/// <summary>The fields of an OAuth2 token response the client uses.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public double? ExpiresIn { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }
}
