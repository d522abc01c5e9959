using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgentHost.Control.Hashing;

/// <summary>The SHA-256 hashes the control layer records (lowercase hexadecimal, 64 characters).</summary>
public static class ControlHashes
{
    /// <summary>The hash of a tool call's arguments: SHA-256 of their canonical JSON (members sorted, no whitespace).</summary>
    public static string Arguments(JsonElement arguments) => Hex(SHA256.HashData(CanonicalJson.ToUtf8(arguments)));

    /// <summary>The hash of a text (a tool result as the model saw it), over its UTF-8 bytes.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The hash of raw bytes.</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    /// <summary>Compares two hashes in constant time (ordinal, case-insensitive hex).</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null || a.Length != b.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(a.ToLowerInvariant()),
            Encoding.ASCII.GetBytes(b.ToLowerInvariant()));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
