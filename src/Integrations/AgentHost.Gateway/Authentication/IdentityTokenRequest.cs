using System.Text.Json.Serialization;

namespace AgentHost.Gateway.Authentication;

/// <summary>
/// The body of AgentCore Identity's GetResourceOauth2Token (<c>POST /identities/oauth2/token</c>), the members the host sends
/// (names from the AWS service model in npm <c>@aws-sdk/client-bedrock-agentcore</c>). Sensitive: holds the workload token.
/// </summary>
internal sealed class IdentityTokenRequest
{
    [JsonPropertyName("workloadIdentityToken")]
    public required string WorkloadIdentityToken { get; init; }

    [JsonPropertyName("resourceCredentialProviderName")]
    public required string ResourceCredentialProviderName { get; init; }

    [JsonPropertyName("scopes")]
    public required IReadOnlyList<string> Scopes { get; init; }

    [JsonPropertyName("oauth2Flow")]
    public required string Oauth2Flow { get; init; }
}
