namespace AgentHost.Connect.Routing;

/// <summary>Glob matching of tool names: <c>*</c> is any run of characters, <c>?</c> one character; ordinal, case-insensitive.</summary>
public static class ToolGlob
{
    /// <summary>Returns whether <paramref name="name"/> matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="name">The tool name.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public static bool IsMatch(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Returns whether any pattern matches.</summary>
    /// <param name="patterns">The patterns.</param>
    /// <param name="name">The tool name.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public static bool IsMatchAny(IEnumerable<string> patterns, string name) => patterns.Any(p => IsMatch(p, name));
}
