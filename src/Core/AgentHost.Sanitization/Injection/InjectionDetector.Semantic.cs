using System.Text.RegularExpressions;
using AgentHost.Sanitization.Text;

namespace AgentHost.Sanitization.Injection;

internal sealed partial class InjectionDetector
{
    private static readonly HashSet<string> AiSpecificNouns = new(StringComparer.Ordinal)
    {
        "prompt", "prompts", "system prompt", "system message", "guardrail", "guardrails", "programming", "training",
        "programacao", "programacion", "programmation",
    };

    private static readonly HashSet<string> AmbiguousAddressees = new(StringComparer.Ordinal)
    {
        "assistant", "assistants", "model", "models", "bot", "modelo", "modele", "assistente", "asistente", "robo",
    };

    // "ignore all previous instructions": the object must be the model's own instructions — a qualifier (previous,
    // system, all, ...), a possessive (your), a qualifier after the noun (anteriores), or an AI-specific noun (prompt) —
    // and not business instructions ("previous delivery instructions", "the instructions regarding the wire").
    private static void ScanOverrideInstructions(string original, NormalizedText view, string n, List<(int Index, long Groups)> hits, List<InjectionSpan> found)
    {
        var matches = new List<Match>();
        OverrideInstructionsRule.Run(n, hits, matches);
        foreach (var match in matches)
        {
            var noun = match.Groups["noun"].Value;
            var pointsAtModel = match.Groups["poss"].Success || match.Groups["qual"].Success || match.Groups["after"].Success
                || AiSpecificNouns.Contains(noun);
            var modifier = match.Groups["mod"];
            var business = (modifier.Success && Patterns.BusinessModifier().IsMatch(modifier.Value))
                || Patterns.BusinessContinuation().IsMatch(n.AsSpan(match.Index + match.Length));
            if (pointsAtModel && !business)
            {
                AddSentence(original, view, match.Index, match.Length, InjectionFamily.Override, found);
            }
        }
    }

    // "note to the AI:", "hey ChatGPT,": when the addressee could be a person (an assistant) or a product (a model), the
    // rest of the sentence must speak to it as a model (second person, or an imperative such as "ignore" or "reveal").
    private static void ScanAddressees(string original, NormalizedText view, string n, long signals, List<(int Index, long Groups)> hits, List<InjectionSpan> found)
    {
        var matches = new List<Match>();
        if ((signals & Signals.NoteWord) != 0)
        {
            NoteToModelRule.Run(n, hits, matches);
        }

        if ((signals & Signals.GreetWord) != 0)
        {
            GreetModelRule.Run(n, hits, matches);
        }

        {
            foreach (var match in matches)
            {
                if (AmbiguousAddressees.Contains(match.Groups["who"].Value))
                {
                    var rest = n.AsSpan(match.Index + match.Length);
                    var sentenceEnd = TextSpans.SentenceEnd(rest, 0);
                    var remainder = rest[..sentenceEnd].TrimStart(" :,-.!;");
                    if (!Patterns.SecondPerson().IsMatch(remainder) && !Patterns.NarrowDirectiveStart().IsMatch(remainder))
                    {
                        continue;
                    }
                }

                AddSentence(original, view, match.Index, match.Length, InjectionFamily.AddressesModel, found);
            }
        }
    }

    // Text spelled letter by letter with single spaces loses its word boundaries ("ignoreallpreviousinstructions"):
    // look for the override and prompt phrases in the letters alone.
    private static void ScanCompact(string original, NormalizedText view, List<InjectionSpan> found)
    {
        var source = view.Span;
        var letters = new char[source.Length];
        var map = new int[source.Length];
        var count = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] is >= 'a' and <= 'z')
            {
                letters[count] = source[i];
                map[count++] = i;
            }
        }

        var compact = new string(letters, 0, count);
        foreach (var match in CompactPhrase().EnumerateMatches(compact))
        {
            var start = view.OriginalStart(map[match.Index]);
            var end = view.OriginalEnd(map[match.Index + match.Length - 1] + 1);
            var sentenceStart = TextSpans.SentenceStart(original, start);
            var sentenceEnd = Math.Max(end, TextSpans.SentenceEnd(original, Math.Max(start, end - 1)));
            found.Add(new InjectionSpan(sentenceStart, ExtendOverDirectives(original, sentenceEnd), InjectionFamily.Override, true));
        }
    }

    [GeneratedRegex(
        "(?:ignore|ignoring|disregard|forget|override|bypass|ignora|ignorar|esqueca|esquecer|desconsidere|desconsiderar|olvida|olvidar|oublie|oubliez|ignorez)"
        + "(?:the|any|of|these|those|as|os|las|los|les|de|des)*(?:all|your|my|todas|todos|tus|toutes|tes|vos|suas|seus|previous|prior|above|earlier|system|original|initial)"
        + "(?:the|all|any|of|your|previous|prior|above|earlier|system|original|initial|as|os|las|los|les)*"
        + "(?:instructions?|prompts?|rules|guidelines|directives|instrucoes|regras|instrucciones|reglas|consignes|regles)"
        + "|(?:ignora|ignorar|ignore|esqueca|esquecer|desconsidere|desconsiderar|olvida|olvidar|oublie|oubliez|ignorez)(?:as|os|las|los|les|todas|todos|toutes|tus|tes|vos|suas|seus)*"
        + "(?:instrucoes|regras|instrucciones|reglas|consignes|regles|instructions|ordens|ordenes|diretrizes|directrices)(?:anteriores|previas|precedentes|acima|originais|originales|iniciais|iniciales|initiales)"
        + "|systemprompt|youarenow(?:an?|the)?(?:dan|unrestricted|developer|admin)|developermode|doanythingnow",
        RegexOptions.CultureInvariant)]
    private static partial Regex CompactPhrase();
}
