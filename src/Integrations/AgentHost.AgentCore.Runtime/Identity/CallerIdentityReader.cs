using System.Buffers.Text;
using System.Text.Json;
using AgentHost.Abstractions.Agents;

namespace AgentHost.AgentCore.Runtime.Identity;

/// <summary>
/// Establishes the caller's identity from trusted sources only: the verified JWT's claims (when the deployment says the
/// runtime's inbound authorizer verified it) or the profile attribute the Connect bridge sends (when configured as trusted).
/// Returns null when nothing is trusted. Never reads model output; never keeps the token.
/// </summary>
public static class CallerIdentityReader
{
    private const int MaxClaims = 32;

    /// <summary>Reads the identity.</summary>
    /// <param name="options">What is trusted.</param>
    /// <param name="authorization">The <c>Authorization</c> header value, if any.</param>
    /// <param name="attributes">The invocation attributes.</param>
    public static CallerIdentity? Read(CallerIdentityOptions options, string? authorization, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(attributes);
        if (options.TrustJwtClaims && TryReadClaims(authorization, out var claims))
        {
            claims.TryGetValue("sub", out var subject);
            claims.TryGetValue(options.ProfileClaim, out var profile);
            return new CallerIdentity { Subject = subject, Profile = profile, Source = "jwt", Verified = true, Claims = claims };
        }

        if (options.TrustedProfileAttribute is { Length: > 0 } attribute && attributes.TryGetValue(attribute, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return new CallerIdentity { Profile = value.Trim(), Source = "connect", Verified = false };
        }

        return null;
    }

    /// <summary>Reads the string claims (and the first string of array claims) of a bearer JWT's payload, without checking its signature.</summary>
    internal static bool TryReadClaims(string? authorization, out Dictionary<string, string> claims)
    {
        claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = authorization[7..].Trim().Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var claim in document.RootElement.EnumerateObject())
            {
                if (claims.Count == MaxClaims)
                {
                    break;
                }

                var value = claim.Value.ValueKind switch
                {
                    JsonValueKind.String => claim.Value.GetString(),
                    JsonValueKind.Array => claim.Value.EnumerateArray().FirstOrDefault(v => v.ValueKind == JsonValueKind.String) is { ValueKind: JsonValueKind.String } first ? first.GetString() : null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => claim.Value.GetRawText(),
                    _ => null,
                };
                if (value is not null)
                {
                    claims[claim.Name] = value;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            claims.Clear();
            return false;
        }
    }
}
