using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentHost.Models.Offline.Extraction;

/// <summary>Finds typed values in free text: pattern matches, emails, dates, amounts, quoted strings and names.</summary>
internal static partial class ValueFinder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private static readonly ConcurrentDictionary<string, Regex?> PatternCache = new(StringComparer.Ordinal);

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Upper-case words that look like tickers or codes but are ordinary abbreviations.</summary>
    private static readonly HashSet<string> CommonAcronyms = new(StringComparer.Ordinal)
    {
        "I", "A", "ID", "OK", "UK", "US", "USA", "EU", "KYC", "AML", "SMS", "GBP", "USD", "EUR", "ETF", "ISA", "SIPP",
        "PDF", "CEO", "FAQ", "ASAP", "LP", "IT", "PM", "AM", "MY", "ME", "THE", "TO", "IS", "OF", "AND", "PLEASE", "HI", "HELLO",
    };

    /// <summary>Splits text into raw tokens, keeping characters that belong inside ids, emails, amounts and phones.</summary>
    public static List<string> RawTokens(string text) =>
        [.. TokenRegex().Matches(text).Select(m => StripPossessive(m.Value.TrimEnd('.', ',', '-', ':', ';', '!', '?', '\'')))
            .Where(t => t.Length > 0)];

    private static string StripPossessive(string token) =>
        token.EndsWith("'s", StringComparison.OrdinalIgnoreCase) ? token[..^2] : token;

    /// <summary>Returns whether the whole token matches a schema pattern (anchors honoured, case-sensitive).</summary>
    public static bool MatchesPattern(string pattern, string token)
    {
        Regex? regex = Compile(pattern);
        return regex is not null && regex.IsMatch(token);
    }

    /// <summary>Finds the first token sequence (1-4 tokens) matching the pattern, trying upper case too.</summary>
    public static string? FindByPattern(string pattern, IReadOnlyList<string> tokens, ISet<string> used)
    {
        Regex? regex = Compile(pattern);
        if (regex is null)
        {
            return null;
        }

        bool allowsSpace = pattern.Contains(' ', StringComparison.Ordinal) || pattern.Contains("\\s", StringComparison.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            for (int length = allowsSpace ? Math.Min(5, tokens.Count - i) : 1; length >= 1; length--)
            {
                string candidate = string.Join(' ', tokens.Skip(i).Take(length));
                if (used.Contains(candidate) || (length == 1 && CommonAcronyms.Contains(candidate)))
                {
                    continue;
                }

                if (regex.IsMatch(candidate))
                {
                    return candidate;
                }

                // Ids typed in lower case ("lp-001") still count when the pattern wants upper case.
                string upper = candidate.ToUpperInvariant();
                if (candidate.Any(char.IsDigit) && candidate.Contains('-', StringComparison.Ordinal) && upper != candidate && regex.IsMatch(upper))
                {
                    return upper;
                }
            }
        }

        return null;
    }

    public static string? FindEmail(string text) => EmailRegex().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>Finds dates in order of appearance, as ISO <c>yyyy-MM-dd</c>, with the character index of each.</summary>
    public static List<(int Index, string Date)> FindDates(string text)
    {
        List<(int, string)> dates = [];
        foreach (Match m in IsoDateRegex().Matches(text))
        {
            if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
            {
                dates.Add((m.Index, Iso(d)));
            }
        }

        foreach (Match m in SlashDateRegex().Matches(text))
        {
            // Day first, as written in the UK where the sample contact centre is.
            if (DateOnly.TryParseExact(m.Value.Replace('.', '/'), ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
            {
                dates.Add((m.Index, Iso(d)));
            }
        }

        foreach (Match m in DayMonthYearRegex().Matches(text))
        {
            AddNamed(dates, m.Index, m.Groups["day"].Value, m.Groups["month"].Value, m.Groups["year"].Value);
        }

        foreach (Match m in MonthDayYearRegex().Matches(text))
        {
            AddNamed(dates, m.Index, m.Groups["day"].Value, m.Groups["month"].Value, m.Groups["year"].Value);
        }

        return [.. dates.OrderBy(d => d.Item1).DistinctBy(d => d.Item1)];
    }

    /// <summary>Finds money amounts and plain numbers that are not part of ids, dates or phone numbers.</summary>
    public static List<decimal> FindNumbers(string text)
    {
        string cleaned = IsoDateRegex().Replace(text, " ");
        cleaned = SlashDateRegex().Replace(cleaned, " ");
        List<decimal> numbers = [];
        foreach (Match m in NumberRegex().Matches(cleaned))
        {
            string raw = m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
            decimal multiplier = m.Groups["k"].Value.ToUpperInvariant() switch { "K" => 1_000m, "M" => 1_000_000m, _ => 1m };
            if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                numbers.Add(value * multiplier);
            }
        }

        return numbers;
    }

    public static List<string> FindQuoted(string text) =>
        [.. QuotedRegex().Matches(text).Select(m => m.Groups["q"].Value.Trim()).Where(q => q.Length > 0)];

    /// <summary>Finds a person's name: two or more capitalised words, or the words after "called" / "named".</summary>
    public static string? FindName(string text)
    {
        Match cue = NameCueRegex().Match(text);
        if (cue.Success)
        {
            return cue.Groups["name"].Value.Trim();
        }

        Match capitalised = CapitalisedWordsRegex().Match(text);
        return capitalised.Success ? capitalised.Value.Trim() : null;
    }

    private static void AddNamed(List<(int, string)> dates, int index, string day, string month, string year)
    {
        int monthNumber = Array.FindIndex(MonthNames, n => n.StartsWith(month.ToLowerInvariant()[..3], StringComparison.Ordinal)) + 1;
        if (monthNumber > 0 &&
            int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out int d) &&
            int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y) &&
            d >= 1 && d <= DateTime.DaysInMonth(y, monthNumber))
        {
            dates.Add((index, Iso(new DateOnly(y, monthNumber, d))));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Regex? Compile(string pattern) => PatternCache.GetOrAdd(pattern, p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    [GeneratedRegex(@"\+?[\p{L}\p{N}][\p{L}\p{N}\-_.@+']*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(@"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDateRegex();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(st|nd|rd|th)?(\s+of)?\s+(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?,?\s+(?<year>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYearRegex();

    [GeneratedRegex(@"\b(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+(?<day>\d{1,2})(st|nd|rd|th)?,?\s+(?<year>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYearRegex();

    [GeneratedRegex(@"(?<![\w\-+.])[$£€]?\s?(?<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?)(?<k>[kKmM])?(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    [GeneratedRegex("[\"“”‘](?<q>[^\"“”‘’]{1,500})[\"“”’]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"\b(called|named|name is|name of)\s+(?<name>[A-Z][\p{L}'\-]+(\s+[A-Z][\p{L}'\-]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex NameCueRegex();

    [GeneratedRegex(@"(?<!^)(?<![.!?]\s)\b[A-Z][a-z][\p{L}'\-]*(\s+[A-Z][a-z][\p{L}'\-]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWordsRegex();
}
