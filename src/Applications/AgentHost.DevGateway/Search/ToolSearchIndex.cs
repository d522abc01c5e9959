using System.Text.Json;

namespace AgentHost.DevGateway.Search;

/// <summary>
/// A small BM25 index over the catalog (tool name words, description, argument names and descriptions),
/// standing in for AgentCore Gateway's semantic search. Deterministic: ties keep catalog order.
/// </summary>
internal sealed class ToolSearchIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly List<(DevGatewayToolDefinition Tool, Dictionary<string, int> Terms, int Length)> _documents;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public ToolSearchIndex(IEnumerable<DevGatewayToolDefinition> tools)
    {
        _documents = [];
        foreach (DevGatewayToolDefinition tool in tools)
        {
            List<string> words = [];
            // The name counts three times: it is the strongest signal of what a tool does.
            for (int i = 0; i < 3; i++)
            {
                words.AddRange(SearchText.Tokens(tool.Target + " " + tool.ToolName));
            }

            words.AddRange(SearchText.Tokens(tool.Description));
            words.AddRange(SchemaWords(tool.InputSchema));
            Dictionary<string, int> terms = words.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (string term in terms.Keys)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }

            _documents.Add((tool, terms, words.Count));
        }

        _averageLength = _documents.Count == 0 ? 1 : _documents.Average(d => d.Length);
    }

    /// <summary>Returns up to <paramref name="limit"/> tools relevant to the query, best first.</summary>
    public IReadOnlyList<DevGatewayToolDefinition> Search(string query, int limit)
    {
        List<string> terms = SearchText.Tokens(query).Distinct(StringComparer.Ordinal).ToList();
        return _documents
            .Select((d, index) => (d.Tool, Index: index, Score: Score(d.Terms, d.Length, terms)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Index)
            .Take(limit)
            .Select(r => r.Tool)
            .ToList();
    }

    private double Score(Dictionary<string, int> terms, int length, List<string> query)
    {
        double score = 0;
        foreach (string term in query)
        {
            if (!terms.TryGetValue(term, out int frequency))
            {
                continue;
            }

            int df = _documentFrequency[term];
            double idf = Math.Log(1 + ((_documents.Count - df + 0.5) / (df + 0.5)));
            score += idf * (frequency * (K1 + 1)) / (frequency + (K1 * (1 - B + (B * length / _averageLength))));
        }

        return score;
    }

    private static IEnumerable<string> SchemaWords(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out JsonElement properties) || properties.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (JsonProperty property in properties.EnumerateObject())
        {
            foreach (string word in SearchText.Tokens(property.Name))
            {
                yield return word;
            }

            if (property.Value.TryGetProperty("description", out JsonElement description))
            {
                foreach (string word in SearchText.Tokens(description.GetString() ?? string.Empty))
                {
                    yield return word;
                }
            }
        }
    }
}
