using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AgentHost.Models.Offline.Ranking;
using AgentHost.Models.Offline.Text;

namespace AgentHost.Models.Offline.Extraction;

/// <summary>
/// Fills a tool's arguments from the user's words, guided by its input schema: pattern-shaped ids, enum values
/// mentioned in the text, emails, dates, numbers and amounts, quoted strings, names and free text after cue
/// words. Ids missing from the latest message may come from earlier turns of the conversation.
/// </summary>
internal static partial class ArgumentExtractor
{
    /// <summary>Free-text parameters that may fall back to the user's whole sentence.</summary>
    private static readonly HashSet<string> SentenceParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "reason", "subject", "query", "description", "summary", "question", "topic", "issue",
    };

    public static ExtractionResult Extract(ToolCandidate tool, string text, IReadOnlyList<string> history, FrozenDictionary<string, string[]> enumSynonyms)
    {
        Dictionary<string, object?> arguments = new(StringComparer.Ordinal);
        List<ParameterSpec> missing = [];
        List<string> tokens = ValueFinder.RawTokens(text);
        HashSet<string> used = new(StringComparer.Ordinal);
        List<string> quoted = ValueFinder.FindQuoted(text);
        List<(int Index, string Date)> dates = ValueFinder.FindDates(text);
        HashSet<string> usedDates = new(StringComparer.Ordinal);
        string normalised = " " + NormaliseWords(text) + " ";

        foreach (ParameterSpec parameter in OrderForExtraction(tool.Parameters))
        {
            object? value = parameter switch
            {
                { EnumValues.Count: > 0 } => FindEnum(parameter, normalised, enumSynonyms),
                { Pattern: not null } => ValueFinder.FindByPattern(parameter.Pattern, tokens, used),
                { Format: "email" } => ValueFinder.FindEmail(text),
                { Format: "date" or "date-time" } => FindDate(parameter, text, dates, usedDates),
                { Type: "number" } => ValueFinder.FindNumbers(text).Select(n => (object?)n).FirstOrDefault(),
                { Type: "integer" } => ValueFinder.FindNumbers(text).Where(n => n == decimal.Truncate(n)).Select(n => (object?)(long)n).FirstOrDefault(),
                { Type: "boolean" } => FindBoolean(normalised),
                { Type: "string" } => FindText(parameter, text, quoted),
                _ => null,
            };

            if (value is null && parameter.Pattern is not null)
            {
                value = FromHistory(parameter.Pattern, history);
            }

            if (value is string s)
            {
                used.Add(s);
            }

            if (value is not null)
            {
                arguments[parameter.Name] = value;
            }
            else if (parameter.Required)
            {
                missing.Add(parameter);
            }
        }

        // Keep the schema's order in the call, whatever order extraction used.
        Dictionary<string, object?> ordered = new(StringComparer.Ordinal);
        foreach (ParameterSpec parameter in tool.Parameters)
        {
            if (arguments.TryGetValue(parameter.Name, out object? value))
            {
                ordered[parameter.Name] = value;
            }
        }

        return new ExtractionResult(ordered, [.. tool.Parameters.Where(missing.Contains)]);
    }

    /// <summary>Lower-case words, stemmed, separated by single spaces (for phrase matching of enum values).</summary>
    public static string NormaliseWords(string text) =>
        string.Join(' ', WordRegex().Matches(text.ToLowerInvariant()).Select(m => Terms.Stem(m.Value)));

    // Ids and constrained values first, so free text never swallows them.
    private static IEnumerable<ParameterSpec> OrderForExtraction(IReadOnlyList<ParameterSpec> parameters) =>
        parameters.OrderBy(p => p.Pattern is not null || p.EnumValues.Count > 0 || p.Format is not null ? 0 : 1);

    private static string? FindEnum(ParameterSpec parameter, string normalised, FrozenDictionary<string, string[]> synonyms)
    {
        string? best = null;
        int bestIndex = int.MaxValue;
        foreach (string value in parameter.EnumValues)
        {
            IEnumerable<string> phrases = [value, value.Replace('_', ' ').Replace('-', ' '), .. synonyms.GetValueOrDefault(value, [])];
            foreach (string phrase in phrases)
            {
                int index = normalised.IndexOf(" " + NormaliseWords(phrase) + " ", StringComparison.Ordinal);
                if (index >= 0 && index < bestIndex)
                {
                    (best, bestIndex) = (value, index);
                }
            }
        }

        return best;
    }

    private static string? FindDate(ParameterSpec parameter, string text, List<(int Index, string Date)> dates, HashSet<string> usedDates)
    {
        string name = parameter.Name.ToLowerInvariant();
        Regex? cue = name.Contains("from", StringComparison.Ordinal) || name.Contains("start", StringComparison.Ordinal) || name.Contains("since", StringComparison.Ordinal)
            ? FromCueRegex()
            : name.Contains("to", StringComparison.Ordinal) || name.Contains("end", StringComparison.Ordinal) || name.Contains("until", StringComparison.Ordinal)
                ? ToCueRegex()
                : null;
        if (cue is not null)
        {
            foreach (Match m in cue.Matches(text))
            {
                (int Index, string Date) after = dates.FirstOrDefault(d => d.Index >= m.Index + m.Length && d.Index <= m.Index + m.Length + 3);
                if (after.Date is not null && usedDates.Add(after.Date + "@" + after.Index))
                {
                    return after.Date;
                }
            }

            return null;
        }

        foreach ((int index, string date) in dates)
        {
            if (usedDates.Add(date + "@" + index))
            {
                return date;
            }
        }

        return null;
    }

    private static bool? FindBoolean(string normalised) =>
        normalised.Contains(" yes ", StringComparison.Ordinal) || normalised.Contains(" true ", StringComparison.Ordinal) ? true
        : normalised.Contains(" no ", StringComparison.Ordinal) || normalised.Contains(" false ", StringComparison.Ordinal) ? false
        : null;

    private static string? FindText(ParameterSpec parameter, string text, List<string> quoted)
    {
        string name = parameter.Name.ToLowerInvariant();
        if (name.Contains("name", StringComparison.Ordinal))
        {
            return quoted.FirstOrDefault() ?? ValueFinder.FindName(text);
        }

        // An id without a pattern in the schema: take an id-like token (LP-001, C-1042, T-10001).
        if (name.EndsWith("id", StringComparison.Ordinal) && IdLikeRegex().Match(text) is { Success: true } id)
        {
            return id.Value.ToUpperInvariant();
        }

        if (quoted.Count > 0)
        {
            string first = quoted[0];
            quoted.RemoveAt(0);
            return first;
        }

        foreach (Regex cueRegex in (Regex[])[SayingCueRegex(), ColonCueRegex(), AboutCueRegex()])
        {
            Match cue = cueRegex.Match(text);
            string rest = cue.Success ? cue.Groups["rest"].Value.Trim().TrimEnd('.', '!', '?').Trim() : string.Empty;
            if (rest.Length >= 3)
            {
                return rest;
            }
        }

        return SentenceParameters.Contains(parameter.Name) ? text.Trim() : null;
    }

    private static string? FromHistory(string pattern, IReadOnlyList<string> history)
    {
        foreach (string earlier in history)
        {
            string? found = ValueFinder.FindByPattern(pattern, ValueFinder.RawTokens(earlier), new HashSet<string>(StringComparer.Ordinal));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b[A-Za-z]{1,4}-\d{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex IdLikeRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\b(from|since|after|between|starting)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromCueRegex();

    [GeneratedRegex(@"\b(to|until|till|before|and|through|ending)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToCueRegex();

    [GeneratedRegex(@"\b(saying|that says|says|with the message|with message|with the note|noting|note that|telling them|to say)\b\s*:?\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SayingCueRegex();

    [GeneratedRegex(@":\s+(?<rest>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ColonCueRegex();

    [GeneratedRegex(@"\b(about|regarding|concerning|because)\b\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AboutCueRegex();
}
