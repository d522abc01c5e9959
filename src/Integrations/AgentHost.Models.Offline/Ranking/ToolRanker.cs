using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AgentHost.Models.Offline.Extraction;
using AgentHost.Models.Offline.Text;

namespace AgentHost.Models.Offline.Ranking;

/// <summary>
/// Ranks offered tools against the user's words with BM25 over each tool's name (plus a boost for name words),
/// description, parameter names, parameter descriptions and enum values. The user's words are expanded with
/// domain synonyms (at half weight). Write tools (create, update, send...) are down-weighted unless the user
/// used an action word, and a tool whose id pattern matches a token in the text gets a bonus.
/// Deterministic: ties keep the order in which tools were offered.
/// </summary>
internal sealed partial class ToolRanker
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double SynonymWeight = 0.5;
    private const double IdPatternBonus = 1.5;
    private const double NameBoost = 1.5;
    private const double ReadPreferenceFactor = 0.6;

    private static readonly FrozenDictionary<string, string[]> ActionWords = new Dictionary<string, string[]>
    {
        ["create"] = ["create", "open", "raise", "log", "file", "new", "ticket", "complaint", "complain", "report"],
        ["update"] = ["update", "change", "amend", "correct", "new", "set", "replace", "moved"],
        ["send"] = ["send", "notify", "text", "sms", "message", "remind", "alert", "push"],
        ["add"] = ["add", "append", "note", "record", "comment"],
        ["request"] = ["request", "send", "copy", "post", "email", "resend", "reissue", "need", "want", "withdraw"],
        ["book"] = ["book", "schedule", "arrange", "callback", "call", "ring", "appointment"],
        ["escalate"] = ["escalate", "human", "person", "supervisor", "manager", "transfer", "speak", "talk", "representative", "agent"],
        ["withdraw"] = ["withdraw", "withdrawal", "take", "transfer", "pay"],
        ["place"] = ["place", "buy", "sell"],
        ["cancel"] = ["cancel", "stop"],
        ["delete"] = ["delete", "remove"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Select(Terms.Stem).ToArray(), StringComparer.Ordinal);

    private readonly List<ToolCandidate> _tools;
    private readonly FrozenDictionary<string, string[]> _synonyms;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public ToolRanker(IReadOnlyList<ToolCandidate> tools, FrozenDictionary<string, string[]> synonyms)
    {
        _tools = [.. tools];
        _synonyms = synonyms;
        foreach (ToolCandidate tool in _tools)
        {
            foreach (string term in tool.Words.Distinct(StringComparer.Ordinal))
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        _averageLength = _tools.Count == 0 ? 1 : Math.Max(1, _tools.Average(t => t.Words.Count));
    }

    /// <summary>Ranks every tool (best first) for the text; <paramref name="rawTokens"/> feed the id-pattern bonus.</summary>
    public List<RankedTool> Rank(string text, IReadOnlyList<string> rawTokens)
    {
        // Quoted text is content for an argument, and ids are values: neither says which tool to use.
        string topic = CallBackRegex().Replace(IdOrQuotedRegex().Replace(text, " "), " callback ");
        List<string> userTerms = Terms.Of(topic);
        Dictionary<string, double> query = new(StringComparer.Ordinal);
        foreach (string term in userTerms)
        {
            query[term] = 1;
        }

        foreach (string term in userTerms)
        {
            if (_synonyms.TryGetValue(term, out string[]? expansions))
            {
                foreach (string expansion in expansions)
                {
                    query.TryAdd(expansion, SynonymWeight);
                }
            }
        }

        HashSet<string> userSet = new(userTerms, StringComparer.Ordinal);
        return _tools
            .Select(tool => new RankedTool(tool, Score(tool, query, userSet, rawTokens), ActionMentioned(tool, userSet)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Tool.Order)
            .ToList();
    }

    private double Score(ToolCandidate tool, Dictionary<string, double> query, HashSet<string> userTerms, IReadOnlyList<string> rawTokens)
    {
        Dictionary<string, int> frequencies = tool.Words.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double score = 0;
        foreach ((string term, double weight) in query)
        {
            if (!frequencies.TryGetValue(term, out int frequency))
            {
                continue;
            }

            int df = _documentFrequency[term];
            double idf = Math.Log(1 + ((_tools.Count - df + 0.5) / (df + 0.5)));
            double tf = frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * tool.Words.Count / _averageLength))));
            score += weight * idf * tf;
            if (weight >= 1 && tool.NameTerms.Contains(term))
            {
                // Words of the tool's own name are the strongest evidence of what it does.
                score += weight * idf * NameBoost;
            }
        }

        if (score <= 0)
        {
            return 0;
        }

        if (tool.Parameters.Any(p => p.Pattern is not null && !IsGenericPattern(p.Pattern) && rawTokens.Any(t => ValueFinder.MatchesPattern(p.Pattern, t))))
        {
            score += IdPatternBonus;
        }

        if (!ActionMentioned(tool, userTerms))
        {
            score *= ReadPreferenceFactor;
        }

        return score;
    }

    [GeneratedRegex("\\b[A-Za-z]{1,4}-\\d+\\b|[\"“”‘][^\"“”‘’]*[\"“”’]", RegexOptions.CultureInvariant)]
    private static partial Regex IdOrQuotedRegex();

    [GeneratedRegex(@"\b(call|ring|phone)\s+(me|us|them|him|her|the\s+client|the\s+customer)?\s*back\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallBackRegex();

    private static bool ActionMentioned(ToolCandidate tool, HashSet<string> userTerms) =>
        !tool.IsWrite || !ActionWords.TryGetValue(tool.Verb, out string[]? triggers) || triggers.Any(userTerms.Contains);

    private static bool IsGenericPattern(string pattern) => !pattern.Contains('-', StringComparison.Ordinal);
}
