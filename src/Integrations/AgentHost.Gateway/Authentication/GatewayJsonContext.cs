using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.Gateway.Authentication;

/// <summary>Source-generated JSON metadata for the types the gateway integration serialises.</summary>
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(IdentityTokenRequest))]
[JsonSerializable(typeof(IdentityTokenResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
