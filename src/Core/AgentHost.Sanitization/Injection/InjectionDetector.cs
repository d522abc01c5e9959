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
    // Each rule with the trigger groups it cannot match without (all of them), the group that anchors its attempts,
    // and how many words before the trigger a match may start.
    private static readonly AnchoredRule[] SentenceRules =
    [
        new(Patterns.OverrideEverything(), Patterns.OverrideEverythingAnchored(), InjectionFamily.Override, Signals.OverrideVerb | Signals.Everything, Signals.OverrideVerb, 3),
        new(Patterns.OverrideVoided(), Patterns.OverrideVoidedAnchored(), InjectionFamily.Override, Signals.VoidWord | Signals.InstructionNoun, Signals.InstructionNoun, 1),
        new(Patterns.NewTask(), Patterns.NewTaskAnchored(), InjectionFamily.Override, Signals.Possessive | Signals.TaskNoun, Signals.Possessive, 0),
        new(Patterns.LeakSystemPrompt(), Patterns.LeakSystemPromptAnchored(), InjectionFamily.PromptLeak, Signals.LeakVerb | Signals.LeakObject, Signals.LeakVerb, 0),
        new(Patterns.LeakYourInstructions(), Patterns.LeakYourInstructionsAnchored(), InjectionFamily.PromptLeak, Signals.LeakVerb | Signals.LeakObject | Signals.Possessive, Signals.LeakVerb, 0),
        new(Patterns.LeakAbove(), Patterns.LeakAboveAnchored(), InjectionFamily.PromptLeak, Signals.LeakVerb | Signals.LeakObject, Signals.LeakVerb, 0),
        new(Patterns.LeakReceived(), Patterns.LeakReceivedAnchored(), InjectionFamily.PromptLeak, Signals.LeakVerb | Signals.LeakObject, Signals.LeakVerb, 0),
        new(Patterns.YouAreNow(), Patterns.YouAreNowAnchored(), InjectionFamily.RoleChange, Signals.YouAre, Signals.YouAre, 0),
        new(Patterns.YouAreA(), Patterns.YouAreAAnchored(), InjectionFamily.RoleChange, Signals.YouAre, Signals.YouAre, 1),
        new(Patterns.FromNowOn(), Patterns.FromNowOnAnchored(), InjectionFamily.RoleChange, Signals.FromNow, Signals.FromNow, 0),
        new(Patterns.Pretend(), Patterns.PretendAnchored(), InjectionFamily.RoleChange, Signals.Pretend, Signals.Pretend, 1),
        new(Patterns.ActAs(), Patterns.ActAsAnchored(), InjectionFamily.RoleChange, Signals.ActVerb | Signals.AsIf, Signals.ActVerb, 0),
        new(Patterns.SpecialMode(), Patterns.SpecialModeAnchored(), InjectionFamily.RoleChange, Signals.Mode, Signals.Mode, 3),
        new(Patterns.Unrestricted(), Patterns.UnrestrictedAnchored(), InjectionFamily.RoleChange, Signals.Without, Signals.Without, 3),
        new(Patterns.IfYouAreModel(), Patterns.IfYouAreModelAnchored(), InjectionFamily.AddressesModel, Signals.IfYou, Signals.IfYou, 0),
        new(Patterns.ModelReadingThis(), Patterns.ModelReadingThisAnchored(), InjectionFamily.AddressesModel, Signals.StrictAi, Signals.StrictAi, 2),
        new(Patterns.WhenYouSummarise(), Patterns.WhenYouSummariseAnchored(), InjectionFamily.AddressesModel, Signals.Summarise, Signals.Summarise, 2),
        new(Patterns.ModelMust(), Patterns.ModelMustAnchored(), InjectionFamily.AddressesModel, Signals.StrictAi, Signals.StrictAi, 1),
        new(Patterns.AsAnAi(), Patterns.AsAnAiAnchored(), InjectionFamily.AddressesModel, Signals.StrictAi, Signals.StrictAi, 2),
        new(Patterns.InstructModel(), Patterns.InstructModelAnchored(), InjectionFamily.AddressesModel, Signals.StrictAi, Signals.StrictAi, 3),
        new(Patterns.UseTool(), Patterns.UseToolAnchored(), InjectionFamily.ToolCall, Signals.ToolWord | Signals.Underscore, Signals.ToolWord, 3),
    ];

    // Rules scanned over the whole text (rare triggers, or a cheap leading character).
    private static readonly (Func<Regex> Pattern, InjectionFamily Family, long Required)[] ScannedRules =
    [
        (Patterns.OverrideSafety, InjectionFamily.Override, Signals.SafetyObject),
        (Patterns.VocativeModel, InjectionFamily.AddressesModel, Signals.Comma),
    ];

    private static readonly AnchoredRule OverrideInstructionsRule =
        new(Patterns.OverrideInstructions(), Patterns.OverrideInstructionsAnchored(), InjectionFamily.Override, Signals.OverrideVerb | Signals.InstructionNoun, Signals.OverrideVerb, 3);

    private static readonly AnchoredRule NoteToModelRule = new(Patterns.NoteToModel(), Patterns.NoteToModelAnchored(), InjectionFamily.AddressesModel, Signals.NoteWord, Signals.NoteWord, 0);

    private static readonly AnchoredRule GreetModelRule = new(Patterns.GreetModel(), Patterns.GreetModelAnchored(), InjectionFamily.AddressesModel, Signals.GreetWord, Signals.GreetWord, 0);

    [ThreadStatic]
    private static List<(int Index, long Groups)>? t_hits;

    [ThreadStatic]
    private static List<Match>? t_matches;

    private readonly HashSet<string> _knownTools;

    /// <summary>Creates a detector with the given settings.</summary>
    public InjectionDetector(InjectionOptions options)
    {
        _knownTools = new HashSet<string>(options.KnownToolNames.Select(n => n.ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>Adds the spans of <paramref name="text"/> to remove to <paramref name="spans"/>, sorted and merged.</summary>
    public void Detect(string text, List<InjectionSpan> spans)
    {
        // Nothing shorter than this can carry an instruction ("<|system|>" is ten characters).
        if (text.Length < 10)
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
        var hits = t_hits ??= [];
        hits.Clear();
        var signals = Signals.Scan(view.Span, hits);
        const long Characters = Signals.Colon | Signals.Paren | Signals.Underscore | Signals.Quote | Signals.Comma;
        if ((signals & ~Characters) == 0)
        {
            // No trigger word: only a gateway-style or known tool's function-call syntax can still be an injection.
            if (Signals.All(signals, Signals.Paren | Signals.Underscore))
            {
                ScanToolCalls(original, view, view.Text, signals, found);
            }

            return;
        }

        var n = view.Text;
        var matches = t_matches ??= [];
        foreach (var rule in SentenceRules)
        {
            if (!Signals.All(signals, rule.Required) || (rule.Family == InjectionFamily.AddressesModel && (signals & Signals.AnyAi) == 0))
            {
                continue;
            }

            matches.Clear();
            rule.Run(n, hits, matches);
            foreach (var match in matches)
            {
                AddSentence(original, view, match.Index, match.Length, rule.Family, found);
            }
        }

        foreach (var (pattern, family, required) in ScannedRules)
        {
            if (!Signals.All(signals, required) || (family == InjectionFamily.AddressesModel && (signals & Signals.AnyAi) == 0))
            {
                continue;
            }

            foreach (var match in pattern().EnumerateMatches(n))
            {
                AddSentence(original, view, match.Index, match.Length, family, found);
            }
        }

        if (Signals.All(signals, Signals.OverrideVerb | Signals.InstructionNoun))
        {
            ScanOverrideInstructions(original, view, n, hits, found);
        }

        if ((signals & Signals.AnyAi) != 0 && (signals & (Signals.NoteWord | Signals.GreetWord)) != 0)
        {
            ScanAddressees(original, view, n, signals, hits, found);
        }

        if ((signals & Signals.Template) != 0)
        {
            ScanTemplates(original, view, n, found);
        }

        if (Signals.All(signals, Signals.Label | Signals.Colon))
        {
            ScanRoleLabels(original, view, n, found);
            ScanTurns(original, view, n, found);
        }

        if ((signals & Signals.Markup) != 0)
        {
            ScanMarkup(original, view, n, found);
        }

        if (Signals.All(signals, Signals.Json | Signals.Quote))
        {
            ScanJson(original, view, n, found);
        }

        ScanToolCalls(original, view, n, signals, found);
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
