using System.Text;

namespace AgentHost.Gateway.Selection;

/// <summary>Splits names and prose into lower-case terms: on non-alphanumerics, <c>snake_case</c>, <c>camelCase</c>; drops stop words; crude plural stemming.</summary>
internal static class TextTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "get", "has", "have", "how", "i", "in", "is", "it",
        "me", "my", "of", "on", "or", "please", "the", "this", "to", "use", "what", "when", "which", "with", "you", "your",
    };

    public static List<string> Tokenize(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = !char.IsLetterOrDigit(c) ||
                (current.Length > 0 && char.IsUpper(c) && char.IsLower(text[i - 1]));
            if (boundary)
            {
                Flush(current, terms);
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        Flush(current, terms);
        return terms;
    }

    private static void Flush(StringBuilder current, List<string> terms)
    {
        if (current.Length == 0)
        {
            return;
        }

        var term = current.ToString();
        current.Clear();
        if (StopWords.Contains(term))
        {
            return;
        }

        if (term.Length > 3 && term.EndsWith('s') && !term.EndsWith("ss", StringComparison.Ordinal))
        {
            term = term[..^1];
        }

        terms.Add(term);
    }
}
