using System.Globalization;

namespace AgentHost.Supervision.Sentiment;

/// <summary>
/// The lexicon method for the sentiment trend (labelled "lexicon" wherever it is shown): the customer's message is split
/// into words; each word found in a small list of positive or negative words counts +1 or -1 (negated by a preceding
/// "not", "no", "never" or "don't"); the score is (positive - negative) / max(1, matched words), from -1 to 1, and 0 when no
/// word matched. English only; sarcasm and context are not understood. A model-provided score replaces it when a model
/// provides one (none does yet).
/// </summary>
public static class LexiconSentiment
{
    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase)
    {
        "thanks", "thank", "great", "good", "perfect", "excellent", "happy", "helpful", "appreciate", "awesome", "love",
        "wonderful", "resolved", "fine", "nice", "glad", "pleased", "brilliant", "fantastic", "works", "solved",
    };

    private static readonly HashSet<string> Negative = new(StringComparer.OrdinalIgnoreCase)
    {
        "angry", "annoyed", "bad", "terrible", "awful", "frustrated", "frustrating", "useless", "ridiculous", "unacceptable",
        "worst", "hate", "complaint", "complain", "cancel", "wrong", "broken", "disappointed", "upset", "never", "lawyer",
        "scam", "fraud", "stolen", "waiting", "still", "again", "problem", "issue", "refund", "failed", "error",
    };

    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "no", "don't", "dont", "isn't", "wasn't", "never" };

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '(', ')', '"'];

    /// <summary>The score of a text, from -1 (negative) to 1 (positive).</summary>
    public static double Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        int positive = 0, negative = 0;
        var negate = false;
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var sign = Positive.Contains(word) ? 1 : Negative.Contains(word) && !Negations.Contains(word) ? -1 : 0;
            if (sign != 0)
            {
                if (negate)
                {
                    sign = -sign;
                }

                if (sign > 0)
                {
                    positive++;
                }
                else
                {
                    negative++;
                }
            }

            negate = Negations.Contains(word);
        }

        var matched = positive + negative;
        return matched == 0 ? 0 : (positive - negative) / (double)matched;
    }

    /// <summary>Appends a score to a comma-separated trend, keeping the last <paramref name="window"/> scores.</summary>
    public static string Append(string? trend, double score, int window)
    {
        var scores = string.IsNullOrEmpty(trend) ? [] : trend.Split(',').ToList();
        scores.Add(score.ToString("0.00", CultureInfo.InvariantCulture));
        return string.Join(',', scores.Skip(Math.Max(0, scores.Count - window)));
    }
}
