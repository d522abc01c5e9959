using System.Text;
using System.Text.RegularExpressions;

namespace AgentHost.Connect.Text;

/// <summary>
/// Turns an agent's answer into text that is safe to speak: no markdown, markup or symbols read aloud, links and code
/// left out, list items and table cells as sentences, and long answers cut at the end of a sentence. The result holds
/// no <c>&lt;</c>, <c>&gt;</c> or <c>&amp;</c>, so it is also valid inside SSML.
/// </summary>
public static partial class SpokenText
{
    /// <summary>Prepares <paramref name="text"/> for speech.</summary>
    /// <param name="text">The agent's answer (may contain markdown).</param>
    /// <param name="maxChars">The longest result; longer answers are cut at the last sentence end that fits.</param>
    /// <returns>The speakable text (empty when nothing speakable remains).</returns>
    public static string Prepare(string? text, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var s = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        s = CodeBlock().Replace(s, " ");
        s = MarkdownLink().Replace(s, "$1");
        s = Url().Replace(s, "the link");
        s = Tag().Replace(s, " ");
        s = InlineCode().Replace(s, "$1");
        var lines = new StringBuilder();
        foreach (var raw in s.Split('\n'))
        {
            var line = ListMarker().Replace(raw.Trim(), string.Empty);
            line = Heading().Replace(line, string.Empty);
            if (TableRule().IsMatch(line))
            {
                continue;
            }

            line = line.Trim('|').Replace("|", ", ", StringComparison.Ordinal).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            lines.Append(line);
            lines.Append(EndsSentence(line) ? " " : ". ");
        }

        s = lines.ToString();
        s = Emphasis().Replace(s, "$2");
        s = s.Replace("&", " and ", StringComparison.Ordinal);
        s = Symbols().Replace(s, " ");
        s = Spaces().Replace(s, " ").Trim();
        s = SpaceBeforePunctuation().Replace(s, "$1");
        return CutAtSentence(s, maxChars);
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxChars"/> characters at the last sentence end that fits, else at a word boundary.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxChars">The limit (at least 1).</param>
    /// <returns>The cut text.</returns>
    public static string CutAtSentence(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Length <= maxChars)
        {
            return text;
        }

        for (var i = maxChars - 1; i > 0; i--)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return text[..(i + 1)];
            }
        }

        var space = text.LastIndexOf(' ', Math.Max(0, maxChars - 2));
        var cut = space > 0 ? text[..space] : text[..(maxChars - 1)];
        return cut.TrimEnd(',', ';', ':', ' ') + ".";
    }

    private static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' or ':' or ';' or ',';

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^(?:[-*+•]\s+|\d{1,3}[.)]\s+|>\s*)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"(\*\*|__|\*|(?<![A-Za-z0-9])_)(.+?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"[<>*#`~^|\\{}\[\]]|_{2,}")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.,!?;:])")]
    private static partial Regex SpaceBeforePunctuation();
}
