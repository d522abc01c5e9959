namespace AgentHost.Sanitization.Pii;

/// <summary>
/// Finds personal data in a text: e-mail addresses and IBANs by their shape (and mod 97), then numbers read as runs of
/// digit groups (<see cref="NumberRun"/>) and classified by digit count, layout, check digits and the label or JSON
/// field before them. Numbers that fail every rule (order numbers, amounts, dates, ids) are left alone.
/// </summary>
internal static partial class PiiDetector
{
    /// <summary>Adds the personal data of <paramref name="text"/> outside <paramref name="excluded"/> to <paramref name="matches"/>, in order.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kinds">The kinds to look for (bit <c>1 &lt;&lt; (int)kind</c>).</param>
    /// <param name="field">What the JSON field holding the text says about it.</param>
    /// <param name="excluded">Spans already taken (removed injections), sorted.</param>
    /// <param name="matches">Where matches go.</param>
    public static void Detect(ReadOnlySpan<char> text, int kinds, FieldHint field, IReadOnlyList<(int Start, int End)> excluded, List<PiiMatch> matches)
    {
        if (kinds == 0 || text.Length < 5)
        {
            return;
        }

        var first = matches.Count;
        if (Has(kinds, PiiKind.Email) && text.Contains('@'))
        {
            FindEmails(text, excluded, matches);
        }

        if (Has(kinds, PiiKind.Iban))
        {
            FindIbans(text, excluded, matches);
        }

        if ((kinds & ~(Bit(PiiKind.Email) | Bit(PiiKind.Iban))) != 0 && text.ContainsAnyInRange('0', '9'))
        {
            FindNumbers(text, kinds, field, excluded, matches, first);
        }

        if (matches.Count - first > 1)
        {
            matches.Sort(first, matches.Count - first, Comparer<PiiMatch>.Create((a, b) => a.Start.CompareTo(b.Start)));
        }
    }

    /// <summary>The bit of a kind.</summary>
    public static int Bit(PiiKind kind) => 1 << (int)kind;

    /// <summary>The bits of a list of kinds.</summary>
    public static int Bits(IEnumerable<PiiKind> kinds) => kinds.Aggregate(0, (bits, kind) => bits | Bit(kind));

    /// <summary>Every kind.</summary>
    public static int AllKinds { get; } = Bits(Enum.GetValues<PiiKind>());

    private static bool Has(int kinds, PiiKind kind) => (kinds & Bit(kind)) != 0;

    private static bool Overlaps(IReadOnlyList<(int Start, int End)> spans, List<PiiMatch> matches, int first, int start, int end)
    {
        foreach (var (s, e) in spans)
        {
            if (start < e && s < end)
            {
                return true;
            }
        }

        for (var i = first; i < matches.Count; i++)
        {
            if (start < matches[i].End && matches[i].Start < end)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static void FindEmails(ReadOnlySpan<char> text, IReadOnlyList<(int Start, int End)> excluded, List<PiiMatch> matches)
    {
        var first = matches.Count;
        for (var at = text.IndexOf('@'); at >= 0; at = NextIndex(text, '@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] is '.' or '-' or '+')
            {
                start++;
            }

            var end = at + 1;
            var lastDot = -1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.'))
            {
                if (text[end] == '.')
                {
                    if (end + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[end + 1]))
                    {
                        break;
                    }

                    lastDot = end;
                }

                end++;
            }

            if (start == at || lastDot < 0 || end - lastDot - 1 < 2 || !OnlyLetters(text[(lastDot + 1)..end]))
            {
                continue;
            }

            if (!Overlaps(excluded, matches, first, start, end))
            {
                matches.Add(new PiiMatch(start, end, PiiKind.Email, text[start..end].ToString().ToLowerInvariant()));
            }
        }
    }

    private static bool OnlyLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextIndex(ReadOnlySpan<char> text, char c, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var index = text[from..].IndexOf(c);
        return index < 0 ? -1 : index + from;
    }

    private static void FindIbans(ReadOnlySpan<char> text, IReadOnlyList<(int Start, int End)> excluded, List<PiiMatch> matches)
    {
        Span<char> iban = stackalloc char[34];
        Span<int> ends = stackalloc int[34];
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(text[i]) || !char.IsAsciiLetterUpper(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])
                || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            // Collect letters and digits, allowing single spaces between groups.
            var count = 0;
            var j = i;
            while (j < text.Length && count < 34)
            {
                if (char.IsAsciiDigit(text[j]) || char.IsAsciiLetterUpper(text[j]))
                {
                    iban[count] = text[j];
                    ends[count++] = j + 1;
                    j++;
                }
                else if (text[j] == ' ' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]) && count >= 4 && count % 4 == 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var expected = IbanLengths.Of(iban[..2]);
            for (var length = expected > 0 ? expected : count; length >= (expected > 0 ? expected : 15); length--)
            {
                if (length > count)
                {
                    break;
                }

                var end = ends[length - 1];
                var atBoundary = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (atBoundary && Checksums.Iban(iban[..length]) && !Overlaps(excluded, matches, 0, i, end))
                {
                    matches.Add(new PiiMatch(i, end, PiiKind.Iban, iban[..length].ToString()));
                    i = end - 1;
                    break;
                }
            }
        }
    }
}
