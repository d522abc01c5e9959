namespace AgentHost.Control.Policy;

/// <summary>A tool-name glob: <c>*</c> matches any run of characters, <c>?</c> one character; case-insensitive.</summary>
public sealed class GlobPattern
{
    /// <summary>Creates the pattern.</summary>
    public GlobPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
    }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; }

    /// <summary>Whether <paramref name="text"/> matches the whole pattern.</summary>
    public bool IsMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pattern = Pattern.AsSpan();
        var value = text.AsSpan();
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
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

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
