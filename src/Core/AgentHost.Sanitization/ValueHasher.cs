using System.Security.Cryptography;
using System.Text;

namespace AgentHost.Sanitization;

/// <summary>Hashes masked values for audit: HMAC-SHA256 with the configured key, or SHA-256 without one.</summary>
internal sealed class ValueHasher
{
    private readonly byte[]? _key;

    public ValueHasher(string? key)
    {
        _key = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);
    }

    /// <summary><c>hmac-sha256:&lt;hex&gt;</c> or <c>sha256:&lt;hex&gt;</c> of the value.</summary>
    public string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(value);
        if (_key is null)
        {
            SHA256.HashData(bytes, hash);
            return "sha256:" + Convert.ToHexStringLower(hash);
        }

        HMACSHA256.HashData(_key, bytes, hash);
        return "hmac-sha256:" + Convert.ToHexStringLower(hash);
    }
}
