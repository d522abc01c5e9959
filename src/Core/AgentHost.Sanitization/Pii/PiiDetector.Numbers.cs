namespace AgentHost.Sanitization.Pii;

internal static partial class PiiDetector
{
    private const int MaxDigits = 19;

    private static void FindNumbers(ReadOnlySpan<char> text, int kinds, FieldHint field, IReadOnlyList<(int Start, int End)> excluded, List<PiiMatch> matches, int first)
    {
        var run = new NumberRun();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                // Skip a whole word with its digits ("INV22", "A55812", "fraud-v7").
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                continue;
            }

            var starts = char.IsAsciiDigit(c)
                || (c == '+' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '('))
                || (c == '(' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
            if (!starts || !run.Parse(text, i))
            {
                i++;
                continue;
            }

            var joined = i > 0 && (char.IsLetterOrDigit(text[i - 1])
                || (text[i - 1] is '-' or '_' or '/' or '.' or ',' && i > 1 && char.IsLetterOrDigit(text[i - 2])));
            if (!joined)
            {
                ClassifyRun(text, run, kinds, field, excluded, matches, first);
            }

            i = Math.Max(run.End, i + 1);
        }
    }

    // Tries windows of whole groups, the longest first from each start group, so "4111 1111 1111 1111 12/27" finds the
    // card and "12-3456789-01" (one joined identifier) finds nothing.
    private static void ClassifyRun(ReadOnlySpan<char> text, NumberRun run, int kinds, FieldHint field, IReadOnlyList<(int Start, int End)> excluded, List<PiiMatch> matches, int first)
    {
        var groups = run.Groups;
        var endJoined = run.End < text.Length && (char.IsLetter(text[run.End])
            || (text[run.End] is '-' or '_' or '/' && run.End + 1 < text.Length && char.IsLetterOrDigit(text[run.End + 1])));
        Span<char> digits = stackalloc char[MaxDigits + 16];
        for (var a = 0; a < groups.Count; a++)
        {
            if (a > 0 && !Detachable(groups, a, a, before: true))
            {
                continue;
            }

            for (var b = Math.Min(groups.Count - 1, a + 7); b >= a; b--)
            {
                if ((b == groups.Count - 1 && endJoined) || (b < groups.Count - 1 && !Detachable(groups, a, b, before: false)))
                {
                    continue;
                }

                var count = 0;
                var tooLong = false;
                for (var g = a; g <= b && !tooLong; g++)
                {
                    var group = groups[g];
                    if (count + group.Length > digits.Length)
                    {
                        tooLong = true;
                        break;
                    }

                    text.Slice(group.DigitsStart, group.Length).CopyTo(digits[count..]);
                    count += group.Length;
                }

                if (tooLong)
                {
                    continue;
                }

                var start = a == 0 ? run.Start : groups[a].Start;
                var end = groups[b].End;
                var kind = Classify(text, run, a, b, digits[..count], kinds, field, start, end);
                if (kind is { } found && !Overlaps(excluded, matches, first, start, end))
                {
                    matches.Add(new PiiMatch(start, end, found, digits[..count].ToString()));
                    a = b;
                    break;
                }
            }
        }
    }

    // A window may start or end inside a run only at a space, or at a separator unlike its own ("... 1111 12/27").
    private static bool Detachable(List<DigitGroup> groups, int a, int b, bool before)
    {
        var boundary = before ? groups[a].SeparatorBefore : groups[b + 1].SeparatorBefore;
        if (boundary == ' ')
        {
            return true;
        }

        var from = before ? a + 1 : a + 1;
        var to = before ? Math.Min(groups.Count - 1, a + 4) : b;
        for (var g = from; g <= to; g++)
        {
            if (groups[g].SeparatorBefore == boundary)
            {
                return false;
            }
        }

        return b > a || !before;
    }

    private static PiiKind? Classify(ReadOnlySpan<char> text, NumberRun run, int a, int b, ReadOnlySpan<char> d, int kinds, FieldHint field, int start, int end)
    {
        var groups = run.Groups;
        var count = b - a + 1;
        var plus = a == 0 && run.Plus;
        var paren = false;
        var separator = '\0';
        var uniform = true;
        for (var g = a; g <= b; g++)
        {
            paren |= groups[g].Parenthesised;
            if (g > a)
            {
                var s = groups[g].SeparatorBefore;
                uniform &= separator == '\0' || separator == s;
                separator = separator == '\0' ? s : separator;
            }
        }

        var bare = count == 1 && !plus && !paren;
        var hint = field;

        if (plus)
        {
            return Has(kinds, PiiKind.Phone) && d.Length is >= 8 and <= 15 && groups[a].Length <= 4 || (count == 1 && d.Length is >= 8 and <= 15)
                ? (Has(kinds, PiiKind.Phone) ? PiiKind.Phone : null)
                : null;
        }

        // Payment cards: 13-19 digits, grouped by 4 (Amex 4-6-5, Diners 4-6-4) with one kind of separator, or bare.
        if (Has(kinds, PiiKind.Card) && d.Length is >= 13 and <= MaxDigits && !paren && uniform && separator is '\0' or ' ' or '-'
            && CardLayout(groups, a, b, d.Length) && Checksums.CardPrefix(d) && Checksums.Luhn(d) && !Checksums.AllSame(d)
            && !(d.Length == 14 && bare && Has(kinds, PiiKind.Cnpj) && Checksums.Cnpj(d))
            && (!bare || Label(text, start, ref hint) != FieldHint.NotPersonal))
        {
            return PiiKind.Card;
        }

        if (Has(kinds, PiiKind.Cnpj) && d.Length == 14 && (bare || Layout(groups, a, b, [2, 3, 3, 4, 2], ".", ".", "/", "-")) && Checksums.Cnpj(d)
            && (!bare || Label(text, start, ref hint) != FieldHint.NotPersonal))
        {
            return PiiKind.Cnpj;
        }

        if (Has(kinds, PiiKind.Cpf) && d.Length == 11 && (bare || Layout(groups, a, b, [3, 3, 3, 2], ".", ".", "-")) && Checksums.Cpf(d)
            && (!bare || Label(text, start, ref hint) is not (FieldHint.NotPersonal or FieldHint.Phone)))
        {
            return PiiKind.Cpf;
        }

        if (d.Length == 9 && !paren)
        {
            if (Has(kinds, PiiKind.Ssn) && Layout(groups, a, b, [3, 2, 4]) && uniform && separator is '-' or ' ' && Checksums.Ssn(d))
            {
                return PiiKind.Ssn;
            }

            if (Has(kinds, PiiKind.Ein) && Layout(groups, a, b, [2, 7]) && separator == '-' && Checksums.Ein(d) && Label(text, start, ref hint) != FieldHint.NotPersonal)
            {
                return PiiKind.Ein;
            }

            if (bare && Label(text, start, ref hint) is FieldHint.Ssn && Has(kinds, PiiKind.Ssn) && Checksums.Ssn(d))
            {
                return PiiKind.Ssn;
            }

            if (bare && hint is FieldHint.TaxId)
            {
                return Has(kinds, PiiKind.Ein) && Checksums.Ein(d) ? PiiKind.Ein : Has(kinds, PiiKind.Ssn) && Checksums.Ssn(d) ? PiiKind.Ssn : null;
            }
        }

        if (Has(kinds, PiiKind.Phone) && d.Length is >= 9 and <= 13 && !NextToCurrency(text, start, end))
        {
            if (bare)
            {
                return d.Length >= 10 && Label(text, start, ref hint) == FieldHint.Phone ? PiiKind.Phone : null;
            }

            if (PhoneLayout(groups, a, b, d, paren, uniform, separator))
            {
                return PiiKind.Phone;
            }
        }

        return null;
    }

    private static FieldHint Label(ReadOnlySpan<char> text, int start, ref FieldHint hint)
    {
        if (hint == FieldHint.None)
        {
            hint = LabelContext.Before(text, start);
        }

        return hint;
    }

    private static bool Is(ReadOnlySpan<int> lengths, params ReadOnlySpan<int> expected) => lengths.SequenceEqual(expected);

    private static bool CardLayout(List<DigitGroup> groups, int a, int b, int digits)
    {
        var count = b - a + 1;
        if (count == 1)
        {
            return true;
        }

        if (digits is 15 or 14 && count == 3 && groups[a].Length == 4 && groups[a + 1].Length == 6)
        {
            return true;
        }

        for (var g = a; g < b; g++)
        {
            if (groups[g].Length != 4)
            {
                return false;
            }
        }

        return groups[b].Length is >= 1 and <= 4;
    }

    private static bool Layout(List<DigitGroup> groups, int a, int b, ReadOnlySpan<int> lengths, params ReadOnlySpan<string> separators)
    {
        if (b - a + 1 != lengths.Length)
        {
            return false;
        }

        for (var g = 0; g < lengths.Length; g++)
        {
            if (groups[a + g].Length != lengths[g] || groups[a + g].Parenthesised)
            {
                return false;
            }

            if (g > 0 && separators.Length > 0 && groups[a + g].SeparatorBefore != separators[g - 1][0])
            {
                return false;
            }
        }

        return true;
    }

    // National formats: US (415) 555-0198 / 415-555-0198 / 1-800-555-0199; BR (11) 98765-4321 / 11 3456-7890; FR 06 12 34 56 78;
    // UK 020 7946 0958 / 07700 900123 / 0161 496 0000; ES/PT 612 345 678 / 91 123 45 67 / 612 34 56 78.
    private static bool PhoneLayout(List<DigitGroup> groups, int a, int b, ReadOnlySpan<char> d, bool paren, bool uniform, char separator)
    {
        Span<int> lengths = stackalloc int[b - a + 1];
        for (var g = a; g <= b; g++)
        {
            lengths[g - a] = groups[g].Length;
            if (g > a && groups[g].Parenthesised)
            {
                return false;
            }
        }

        if (paren)
        {
            return (Is(lengths, 3, 3, 4) && d[0] is >= '2' and <= '9')
                || Is(lengths, 2, 4, 4) || Is(lengths, 2, 5, 4)
                || (d[0] == '0' && d.Length is 10 or 11);
        }

        var last = groups[b].SeparatorBefore;
        return (Is(lengths, 3, 3, 4) && uniform && separator is '-' or '.' or ' ' && d[0] is >= '2' and <= '9' && d[3] is >= '2' and <= '9')
            || (Is(lengths, 1, 3, 3, 4) && d[0] == '1' && uniform && separator is '-' or '.' or ' ')
            || ((Is(lengths, 2, 4, 4) || Is(lengths, 2, 5, 4)) && last == '-' && groups[a + 1].SeparatorBefore == ' ' && d[0] != '0')
            || (Is(lengths, 2, 2, 2, 2, 2) && d[0] == '0' && d[1] != '0' && uniform && separator is ' ' or '.' or '-')
            || (d.Length == 11 && d[0] == '0' && uniform && separator == ' ' && (Is(lengths, 3, 4, 4) || Is(lengths, 4, 3, 4) || Is(lengths, 5, 6) || Is(lengths, 5, 3, 3) || Is(lengths, 4, 6)))
            || (d.Length == 10 && d[0] == '0' && uniform && separator == ' ' && (Is(lengths, 3, 3, 4) || Is(lengths, 4, 6) || Is(lengths, 4, 3, 3)))
            || (d.Length == 9 && uniform && separator == ' '
                && ((Is(lengths, 3, 3, 3) && d[0] is '2' or '6' or '7' or '8' or '9') || (Is(lengths, 3, 2, 2, 2) && d[0] is >= '6' and <= '9') || (Is(lengths, 2, 3, 2, 2) && d[0] is '8' or '9')));
    }

    // "612 345 678 €", "R$ 1 234 567", "EUR 912 345 678": amounts, not phone numbers.
    private static bool NextToCurrency(ReadOnlySpan<char> text, int start, int end)
    {
        var before = text[Math.Max(0, start - 4)..start].Trim();
        if (before.Length > 0 && (before[^1] is '$' or '€' or '£' or '¥' || before.EndsWith("EUR", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("USD", StringComparison.OrdinalIgnoreCase) || before.EndsWith("BRL", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("GBP", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var after = text[end..Math.Min(text.Length, end + 8)].TrimStart();
        return after.Length > 0 && (after[0] is '€' or '$' or '£' or '%' || after.StartsWith("EUR", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("USD", StringComparison.OrdinalIgnoreCase) || after.StartsWith("BRL", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("GBP", StringComparison.OrdinalIgnoreCase) || after.StartsWith("reais", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("euro", StringComparison.OrdinalIgnoreCase) || after.StartsWith("dollar", StringComparison.OrdinalIgnoreCase));
    }
}
