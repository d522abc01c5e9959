using System.Security.Cryptography;
using System.Text;

namespace AgentHost.Gateway.Catalog;

/// <summary>
/// Maps gateway tool names (<c>target___tool</c>, any characters, any length) to Bedrock tool names
/// (<c>[a-zA-Z0-9_-]{1,64}</c>) that are unique across gateways, deterministic for a given catalog and reversible through
/// the returned map.
/// </summary>
/// <remarks>
/// Characters outside the allowed set become <c>_</c>. Names longer than 64 characters keep their first 55 characters and get
/// <c>_</c> plus 8 hex digits of SHA-256(gateway, original name). When two tools (or a tool and a reserved name) map to the same
/// name, the tools are ordered by gateway then original name (ordinal); the first keeps the name and every other one gets the
/// hash suffix. Collisions are reported in <see cref="ToolNameMap.Collisions"/> for logging.
/// </remarks>
internal static class ToolNameMapper
{
    public const int MaxLength = 64;
    private const int HashLength = 8;

    public static ToolNameMap Map(IEnumerable<ToolKey> tools, IEnumerable<string>? reservedNames = null)
    {
        // Plain collections rather than LINQ: this runs on the start-up path, where generic LINQ over a value type costs JIT time.
        var ordered = new List<ToolKey>(new HashSet<ToolKey>(tools));
        ordered.Sort();
        var taken = new HashSet<string>(reservedNames ?? [], StringComparer.Ordinal);
        var forward = new Dictionary<ToolKey, string>(ordered.Count);
        var collisions = new List<ToolNameCollision>();

        // First pass: every tool whose candidate is free (in catalog order) takes it.
        var candidates = new Dictionary<ToolKey, string>(ordered.Count);
        foreach (var tool in ordered)
        {
            candidates[tool] = Candidate(tool);
        }

        var pending = new List<ToolKey>();
        foreach (var tool in ordered)
        {
            if (taken.Add(candidates[tool]))
            {
                forward[tool] = candidates[tool];
            }
            else
            {
                pending.Add(tool);
            }
        }

        // Second pass: the losers get a hash suffix; a (vanishingly unlikely) second collision lengthens the hash.
        foreach (var tool in pending)
        {
            var name = WithHash(Sanitize(tool.Name), tool, HashLength);
            for (var length = HashLength * 2; !taken.Add(name); length += HashLength)
            {
                name = WithHash(Sanitize(tool.Name), tool, Math.Min(length, 40));
            }

            forward[tool] = name;
            collisions.Add(new ToolNameCollision(tool, candidates[tool], name));
        }

        return new ToolNameMap(forward, collisions);
    }

    /// <summary>The name a tool gets when nothing collides.</summary>
    public static string Candidate(ToolKey tool)
    {
        var sanitized = Sanitize(tool.Name);
        return sanitized.Length <= MaxLength ? sanitized : WithHash(sanitized, tool, HashLength);
    }

    public static string Sanitize(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "tool";
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(IsAllowed(c) ? c : '_');
        }

        return builder.ToString();
    }

    public static bool IsValid(string name) => name.Length is > 0 and <= MaxLength && name.All(IsAllowed);

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static string WithHash(string sanitized, ToolKey tool, int hashLength)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tool.Gateway + "\u001f" + tool.Name)))[..hashLength];
        var keep = Math.Min(sanitized.Length, MaxLength - hashLength - 1);
        return sanitized[..keep] + "_" + hash;
    }
}
