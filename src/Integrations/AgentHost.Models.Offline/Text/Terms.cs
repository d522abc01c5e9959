using System.Text;

namespace AgentHost.Models.Offline.Text;

/// <summary>
/// Turns text into lower-case, lightly stemmed terms for ranking: splits on punctuation, snake_case and
/// camelCase, drops stop words and folds simple plurals and verb endings.
/// </summary>
internal static class Terms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "to", "in", "on", "and", "or", "is", "are", "be", "by", "with", "this", "that",
        "it", "as", "at", "from", "use", "when", "me", "my", "i", "what", "which", "can", "could", "you", "your", "please",
        "example", "optionally", "only", "return", "returns", "do", "does", "did", "we", "our", "us", "their", "his", "her",
        "he", "she", "they", "them", "there", "here", "how", "about", "would", "like", "want", "need", "tell", "show",
        "give", "get", "let", "know", "some", "any", "all", "have", "has", "was", "were", "will", "so", "if", "then",
        "whether", "given", "yyyy", "mm", "dd", "one", "two", "its", "also", "just", "now", "today", "thing",
    };

    /// <summary>Returns the terms of <paramref name="text"/> in order, with duplicates.</summary>
    public static List<string> Of(string text)
    {
        List<string> terms = [];
        StringBuilder current = new();
        char previous = ' ';
        foreach (char c in text)
        {
            bool boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && char.IsLower(previous));
            if (boundary && current.Length > 0)
            {
                Add(terms, current.ToString());
                current.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }

            previous = c;
        }

        if (current.Length > 0)
        {
            Add(terms, current.ToString());
        }

        return terms;
    }

    /// <summary>Stems one lower-case word the same way <see cref="Of"/> does.</summary>
    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return StripE(word[..^3]);
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal))
        {
            return word.EndsWith("ied", StringComparison.Ordinal) ? word[..^3] + "y" : StripE(word[..^2]);
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        // "settle", "settled" and "settling" all end up as "settl".
        return StripE(word);
    }

    private static string StripE(string word) =>
        word.Length > 4 && word.EndsWith('e') && !word.EndsWith("ee", StringComparison.Ordinal) ? word[..^1] : word;

    private static void Add(List<string> terms, string word)
    {
        if (word.Length < 2 || StopWords.Contains(word) || word.All(char.IsDigit))
        {
            return;
        }

        terms.Add(Stem(word));
    }
}
