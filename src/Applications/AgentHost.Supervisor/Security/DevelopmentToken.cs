using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentHost.Supervisor.Security;

/// <summary>
/// Development mode's credentials: a random HMAC key generated at start-up (never stored) and a token signed with it for
/// the user <c>developer</c> with every role. The key lives only in the console's memory: a restart invalidates the token.
/// </summary>
public sealed class DevelopmentToken
{
    /// <summary>The issuer of development tokens.</summary>
    public const string Issuer = "agenthost-supervisor-development";

    /// <summary>The audience of development tokens.</summary>
    public const string Audience = "agenthost-supervisor";

    /// <summary>Creates a new key.</summary>
    public DevelopmentToken(TimeProvider? timeProvider = null)
    {
        Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The signing key.</summary>
    public SymmetricSecurityKey Key { get; }

    private TimeProvider Time { get; }

    /// <summary>Issues a token for <paramref name="user"/> with <paramref name="roles"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Issue(string user, IReadOnlyList<string> roles, TimeSpan lifetime, string roleClaim = "roles")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(roles);
        var now = Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = user,
                ["name"] = user,
                [roleClaim] = roles.ToArray(),
            },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
