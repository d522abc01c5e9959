namespace AgentHost.Gateway.Selection;

/// <summary>Okapi BM25 (k1 = 1.2, b = 0.75) over small documents; built once per catalog snapshot, read-only afterwards.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        _termFrequencies = new Dictionary<string, int>[documents.Count];
        _lengths = new int[documents.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in documents[i])
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            }

            foreach (var term in frequencies.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }

            _termFrequencies[i] = frequencies;
            _lengths[i] = documents[i].Count;
        }

        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
        var n = documents.Count;
        _idf = documentFrequency.ToDictionary(p => p.Key, p => Math.Log(1 + ((n - p.Value + 0.5) / (p.Value + 0.5))), StringComparer.Ordinal);
    }

    public int Count => _lengths.Length;

    /// <summary>The indexes of the best documents for the query terms, best first; ties keep catalog order. Documents scoring 0 are left out.</summary>
    public IReadOnlyList<int> Search(IReadOnlyList<string> queryTerms, int limit)
    {
        if (limit <= 0 || queryTerms.Count == 0)
        {
            return [];
        }

        var terms = queryTerms.Distinct(StringComparer.Ordinal).Where(_idf.ContainsKey).ToList();
        var scores = new List<(int Index, double Score)>();
        for (var i = 0; i < _termFrequencies.Length; i++)
        {
            double score = 0;
            foreach (var term in terms)
            {
                if (_termFrequencies[i].TryGetValue(term, out var tf))
                {
                    score += _idf[term] * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * _lengths[i] / _averageLength))));
                }
            }

            if (score > 0)
            {
                scores.Add((i, score));
            }
        }

        return scores.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(limit).Select(s => s.Index).ToList();
    }
}
