namespace AgentHost.Sanitization.Pii;

/// <summary>
/// A run of digit groups joined by single separators (space, '-', '.', '/'), with an optional leading '+' and groups in
/// parentheses: "4111 1111 1111 1111", "(11) 98765-4321", "+1 (312) 555-0175", "123.456.789-09".
/// </summary>
internal sealed class NumberRun
{
    /// <summary>Where the run starts (at the '+' or '(' when there is one).</summary>
    public int Start { get; private set; }

    /// <summary>Where the run ends (exclusive).</summary>
    public int End { get; private set; }

    /// <summary>Whether the run starts with '+'.</summary>
    public bool Plus { get; private set; }

    /// <summary>The groups.</summary>
    public List<DigitGroup> Groups { get; } = [];

    /// <summary>Parses the run starting at <paramref name="start"/> (a digit, '+' or '('); false when there is none.</summary>
    public bool Parse(ReadOnlySpan<char> text, int start)
    {
        Groups.Clear();
        Start = start;
        Plus = false;
        var i = start;
        if (text[i] == '+')
        {
            Plus = true;
            i++;
        }

        var separator = '\0';
        while (i < text.Length)
        {
            var paren = false;
            var groupStart = i;
            if (text[i] == '(' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                paren = true;
                i++;
            }

            var digitsStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digitsStart || (paren && (i >= text.Length || text[i] != ')')))
            {
                i = groupStart;
                break;
            }

            if (paren)
            {
                i++;
            }

            Groups.Add(new DigitGroup(groupStart, i, digitsStart, i - (paren ? 1 : 0), separator, paren));
            End = i;

            // A separator continues the run when a digit (or a parenthesised group) follows it.
            if (i + 1 < text.Length && IsSeparator(text[i]) && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] == '(' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
            {
                separator = text[i] == '\u00A0' ? ' ' : text[i];
                i++;
                continue;
            }

            // "(11) 98765-4321", "+1 (312) 555-0175": a parenthesised group is followed by a space.
            break;
        }

        return Groups.Count > 0;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '\u00A0';
}

/// <summary>One group of digits of a <see cref="NumberRun"/>.</summary>
/// <param name="Start">Start, at the '(' when parenthesised.</param>
/// <param name="End">End (exclusive), after the ')' when parenthesised.</param>
/// <param name="DigitsStart">Where the digits start.</param>
/// <param name="DigitsEnd">Where the digits end.</param>
/// <param name="SeparatorBefore">The separator before the group ('\0' for the first).</param>
/// <param name="Parenthesised">Whether the group is in parentheses.</param>
internal readonly record struct DigitGroup(int Start, int End, int DigitsStart, int DigitsEnd, char SeparatorBefore, bool Parenthesised)
{
    /// <summary>Number of digits.</summary>
    public int Length => DigitsEnd - DigitsStart;
}
