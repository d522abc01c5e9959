using System.Text.RegularExpressions;

namespace AgentHost.Sanitization.Injection;

/// <summary>
/// A rule tried only where its trigger words are: the expression, anchored with <c>\G</c>, is attempted at the start of
/// the word holding each trigger of <see cref="Anchor"/> and at up to <see cref="Back"/> words before it ("do not follow"
/// is found from "follow"). Much cheaper than scanning a text with a long alternation at every position.
/// </summary>
internal sealed class AnchoredRule
{
    private readonly Regex _anchored;

    public AnchoredRule(Regex pattern, Regex anchored, InjectionFamily family, long required, long anchor, int back)
    {
        Pattern = pattern;
        _anchored = anchored;
        Family = family;
        Required = required;
        Anchor = anchor;
        Back = back;
    }

    /// <summary>The unanchored expression (for short texts such as a tag's content).</summary>
    public Regex Pattern { get; }

    /// <summary>The family of what the rule finds.</summary>
    public InjectionFamily Family { get; }

    /// <summary>The trigger groups the rule cannot match without (all of them).</summary>
    public long Required { get; }

    /// <summary>The trigger group whose positions anchor the attempts.</summary>
    public long Anchor { get; }

    /// <summary>How many words before a trigger the match may start.</summary>
    public int Back { get; }

    /// <summary>Adds the start of every match to <paramref name="matches"/> (index, length, match).</summary>
    public void Run(string n, List<(int Index, long Groups)> hits, List<Match> matches)
    {
        var tried = new HashSet<int>();
        foreach (var (index, groups) in hits)
        {
            if ((groups & Anchor) == 0)
            {
                continue;
            }

            var start = WordStart(n, index);
            for (var step = 0; step <= Back && start >= 0; step++)
            {
                if (tried.Add(start) && _anchored.Match(n, start) is { Success: true } match)
                {
                    matches.Add(match);
                    break;
                }

                start = PreviousWordStart(n, start);
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '\'' || (c > 0x7F && char.IsLetter(c));

    private static int WordStart(string n, int index)
    {
        var i = Math.Min(index, n.Length - 1);
        while (i > 0 && IsWordChar(n[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static int PreviousWordStart(string n, int start)
    {
        var i = start - 1;
        while (i >= 0 && !IsWordChar(n[i]))
        {
            if (n[i] == '\n')
            {
                return -1;
            }

            i--;
        }

        return i < 0 ? -1 : WordStart(n, i);
    }
}
