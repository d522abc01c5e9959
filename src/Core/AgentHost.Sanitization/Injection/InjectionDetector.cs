using System.Text.RegularExpressions;
using AgentHost.Sanitization.Text;

namespace AgentHost.Sanitization.Injection;

/// <summary>
/// Finds instruction-like text in a tool result: text addressed to the model, attempts to override its instructions,
/// reveal its prompt or change its role, and spoofed roles, markup, messages, tool calls and turns. Matching runs over the
/// normalised view (<see cref="NormalizedText"/>) and every match is widened to what it belongs to in the original text
/// (its sentence and the directive sentences after it, its line, its element, its object), which is then removed.
/// </summary>
internal sealed partial class InjectionDetector
{
    private static readonly (Func<Regex> Pattern, InjectionFamily Family)[] SentenceRules =
    [
        (Patterns.OverrideEverything, InjectionFamily.Override),
        (Patterns.OverrideVoided, InjectionFamily.Override),
        (Patterns.OverrideSafety, InjectionFamily.Override),
        (Patterns.NewTask, InjectionFamily.Override),
        (Patterns.LeakSystemPrompt, InjectionFamily.PromptLeak),
        (Patterns.LeakYourInstructions, InjectionFamily.PromptLeak),
        (Patterns.LeakAbove, InjectionFamily.PromptLeak),
        (Patterns.LeakReceived, InjectionFamily.PromptLeak),
        (Patterns.YouAreNow, InjectionFamily.RoleChange),
        (Patterns.FromNowOn, InjectionFamily.RoleChange),
        (Patterns.Pretend, InjectionFamily.RoleChange),
        (Patterns.ActAs, InjectionFamily.RoleChange),
        (Patterns.SpecialMode, InjectionFamily.RoleChange),
        (Patterns.Unrestricted, InjectionFamily.RoleChange),
        (Patterns.YouAreA, InjectionFamily.RoleChange),
        (Patterns.VocativeModel, InjectionFamily.AddressesModel),
        (Patterns.IfYouAreModel, InjectionFamily.AddressesModel),
        (Patterns.ModelReadingThis, InjectionFamily.AddressesModel),
        (Patterns.WhenYouSummarise, InjectionFamily.AddressesModel),
        (Patterns.ModelMust, InjectionFamily.AddressesModel),
        (Patterns.AsAnAi, InjectionFamily.AddressesModel),
        (Patterns.InstructModel, InjectionFamily.AddressesModel),
        (Patterns.UseTool, InjectionFamily.ToolCall),
    ];

    private readonly HashSet<string> _knownTools;

    /// <summary>Creates a detector with the given settings.</summary>
    public InjectionDetector(InjectionOptions options)
    {
        _knownTools = new HashSet<string>(options.KnownToolNames.Select(n => n.ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>Adds the spans of <paramref name="text"/> to remove to <paramref name="spans"/>, sorted and merged.</summary>
    public void Detect(string text, List<InjectionSpan> spans)
    {
        if (text.Length < 4)
        {
            return;
        }

        var found = new List<InjectionSpan>();
        using (var view = NormalizedText.Create(text))
        {
            Scan(text, view, found);
            if (view.ReadOneAsLetter)
            {
                using var alternative = NormalizedText.Create(text, oneAsL: true);
                Scan(text, alternative, found);
            }

            if (view.CollapsedSpacedLetters)
            {
                ScanCompact(text, view, found);
            }
        }

        Merge(text, found, spans);
    }

    /// <summary>True when the (short) text reads as a directive: second person, modals, model names or an imperative.</summary>
    internal static bool IsDirective(ReadOnlySpan<char> text)
    {
        using var view = NormalizedText.Create(text);
        return Patterns.Directive().IsMatch(view.Span);
    }

    private void Scan(string original, NormalizedText view, List<InjectionSpan> found)
    {
        var n = view.Text;
        foreach (var (pattern, family) in SentenceRules)
        {
            foreach (var match in pattern().EnumerateMatches(n))
            {
                AddSentence(original, view, match.Index, match.Length, family, found);
            }
        }

        ScanOverrideInstructions(original, view, n, found);
        ScanAddressees(original, view, n, found);
        ScanTemplates(original, view, n, found);
        ScanRoleLabels(original, view, n, found);
        ScanTurns(original, view, n, found);
        ScanMarkup(original, view, n, found);
        ScanJson(original, view, n, found);
        ScanToolCalls(original, view, n, found);
    }

    private static void AddSentence(string original, NormalizedText view, int index, int length, InjectionFamily family, List<InjectionSpan> found)
    {
        var start = view.OriginalStart(index);
        var end = view.OriginalEnd(index + length);
        var sentenceStart = TextSpans.SentenceStart(original, start);
        var sentenceEnd = Math.Max(end, TextSpans.SentenceEnd(original, Math.Max(start, end - 1)));
        found.Add(new InjectionSpan(sentenceStart, ExtendOverDirectives(original, sentenceEnd), family, view.Obfuscated));
    }

    private static void AddRange(NormalizedText view, int start, int end, InjectionFamily family, List<InjectionSpan> found)
    {
        if (end > start)
        {
            found.Add(new InjectionSpan(start, end, family, view.Obfuscated));
        }
    }

    // The sentences after an injection on the same line that are directives too (its payload) go with it.
    private static int ExtendOverDirectives(string original, int end)
    {
        while (true)
        {
            var i = end;
            while (i < original.Length && original[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= original.Length || original[i] is '\n' or '\r' or '<')
            {
                return end;
            }

            var next = TextSpans.SentenceEnd(original, i);
            if (next <= i || !IsDirective(original.AsSpan(i, next - i)))
            {
                return end;
            }

            end = next;
        }
    }

    private static void Merge(string text, List<InjectionSpan> found, List<InjectionSpan> spans)
    {
        if (found.Count == 0)
        {
            return;
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var current = found[0];
        for (var i = 1; i < found.Count; i++)
        {
            var next = found[i];
            if (next.Start <= current.End || text.AsSpan(current.End, next.Start - current.End).IsWhiteSpace())
            {
                current = current with { End = Math.Max(current.End, next.End), Obfuscated = current.Obfuscated || next.Obfuscated };
            }
            else
            {
                spans.Add(current);
                current = next;
            }
        }

        spans.Add(current);
    }
}
