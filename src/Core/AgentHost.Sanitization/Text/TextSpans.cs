namespace AgentHost.Sanitization.Text;

/// <summary>Sentence, line and paragraph boundaries in the original text, for widening a match to what it belongs to.</summary>
internal static class TextSpans
{
    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or ';' or '。';

    private static bool EndsSentence(ReadOnlySpan<char> text, int index) =>
        IsTerminator(text[index]) && (index + 1 >= text.Length || char.IsWhiteSpace(text[index + 1]) || text[index + 1] is '<' or '"' or '\'' or ')');

    /// <summary>The start of the sentence holding <paramref name="index"/>: after a line break, a tag's '&gt;', or a sentence end.</summary>
    public static int SentenceStart(ReadOnlySpan<char> text, int index)
    {
        var i = Math.Min(index, text.Length) - 1;
        while (i >= 0)
        {
            var c = text[i];
            if (c is '\n' or '>' || (IsTerminator(c) && EndsSentence(text, i)))
            {
                break;
            }

            i--;
        }

        var start = i + 1;
        while (start < index && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>The end (exclusive) of the sentence holding <paramref name="index"/>, including its terminator.</summary>
    public static int SentenceEnd(ReadOnlySpan<char> text, int index)
    {
        var i = Math.Max(0, index);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!'))
                || (c == '-' && text[i..].StartsWith("-->", StringComparison.Ordinal)))
            {
                return TrimEnd(text, i);
            }

            if (IsTerminator(c) && EndsSentence(text, i))
            {
                return i + 1;
            }

            i++;
        }

        return TrimEnd(text, text.Length);
    }

    /// <summary>The start of the line holding <paramref name="index"/>.</summary>
    public static int LineStart(ReadOnlySpan<char> text, int index)
    {
        var i = Math.Min(index, text.Length) - 1;
        while (i >= 0 && text[i] != '\n')
        {
            i--;
        }

        return i + 1;
    }

    /// <summary>The end (exclusive, before the line break) of the line holding <paramref name="index"/>.</summary>
    public static int LineEnd(ReadOnlySpan<char> text, int index)
    {
        var next = text[Math.Min(index, text.Length)..].IndexOf('\n');
        return next < 0 ? TrimEnd(text, text.Length) : TrimEnd(text, index + next);
    }

    /// <summary>The end of the paragraph holding <paramref name="index"/>: before the next blank line, or the end of the text.</summary>
    public static int ParagraphEnd(ReadOnlySpan<char> text, int index)
    {
        var i = Math.Min(index, text.Length);
        while (i < text.Length)
        {
            var lineEnd = text[i..].IndexOf('\n');
            if (lineEnd < 0)
            {
                return TrimEnd(text, text.Length);
            }

            var next = i + lineEnd + 1;
            var nextLineEnd = text[next..].IndexOf('\n');
            var nextLine = nextLineEnd < 0 ? text[next..] : text.Slice(next, nextLineEnd);
            if (nextLine.IsWhiteSpace())
            {
                return TrimEnd(text, i + lineEnd);
            }

            i = next;
        }

        return TrimEnd(text, text.Length);
    }

    /// <summary>Moves <paramref name="end"/> back over trailing white space.</summary>
    public static int TrimEnd(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The end (exclusive) of the balanced JSON-like object or array starting at <paramref name="open"/>, or -1.</summary>
    public static int MatchingBrace(ReadOnlySpan<char> text, int open, int limit = 4000)
    {
        var depth = 0;
        var inString = false;
        var end = Math.Min(text.Length, open + limit);
        for (var i = open; i < end; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>The start of the innermost '{' that encloses <paramref name="index"/>, looking back at most <paramref name="limit"/> characters, or -1.</summary>
    public static int EnclosingBrace(ReadOnlySpan<char> text, int index, int limit = 1000)
    {
        var depth = 0;
        var stop = Math.Max(0, index - limit);
        for (var i = index - 1; i >= stop; i--)
        {
            switch (text[i])
            {
                case '}':
                    depth++;
                    break;
                case '{':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    break;
            }
        }

        return -1;
    }
}
