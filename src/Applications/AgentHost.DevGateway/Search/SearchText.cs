using System.Text;

namespace AgentHost.DevGateway.Search;

/// <summary>Splits text into lower-case, lightly stemmed search terms (camelCase and snake_case aware).</summary>
internal static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "to", "in", "on", "and", "or", "is", "are", "be", "by", "with", "this", "that",
        "it", "as", "at", "from", "use", "when", "give", "get", "me", "my", "i", "what", "which", "can", "you", "please",
        "example", "optionally", "only", "return", "returns",
    };

    public static IEnumerable<string> Tokens(string text)
    {
        StringBuilder current = new();
        char previous = ' ';
        foreach (char c in text)
        {
            bool boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && char.IsLower(previous));
            if (boundary && current.Length > 0)
            {
                string? term = Normalise(current.ToString());
                if (term is not null)
                {
                    yield return term;
                }

                current.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }

            previous = c;
        }

        if (current.Length > 0 && Normalise(current.ToString()) is { } last)
        {
            yield return last;
        }
    }

    private static string? Normalise(string word)
    {
        if (word.Length < 2 || StopWords.Contains(word))
        {
            return null;
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
