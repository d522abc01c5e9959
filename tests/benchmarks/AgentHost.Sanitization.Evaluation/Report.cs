using System.Globalization;

namespace AgentHost.Sanitization.Evaluation;

/// <summary>Prints recall and false-positive figures.</summary>
public static class Report
{
    /// <summary>Prints the figures of one split.</summary>
    public static void Print(string split, List<CorpusScore> set)
    {
        var injections = set.Where(s => s.Item.Kind == "injection").ToList();
        var benign = set.Where(s => s.Item.Kind == "benign").ToList();
        var piiValues = set.SelectMany(s => s.Item.Pii.Select(p => (p.Type, Missed: s.PiiMissed.Contains(p.Type + " " + p.Value)))).ToList();
        Console.WriteLine();
        Console.WriteLine($"== {split} ==");
        Console.WriteLine(Line("Injections neutralised", injections.Count(s => s.Neutralised), injections.Count));
        foreach (var group in injections.GroupBy(s => s.Item.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line("  " + group.Key, group.Count(s => s.Neutralised), group.Count()));
        }

        foreach (var group in injections.Where(s => s.Item.Obfuscation is not null).GroupBy(s => s.Item.Obfuscation!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line("  obfuscation: " + group.Key, group.Count(s => s.Neutralised), group.Count()));
        }

        foreach (var group in injections.GroupBy(s => s.Item.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line("  language: " + group.Key, group.Count(s => s.Neutralised), group.Count()));
        }

        Console.WriteLine(Line("PII values masked", piiValues.Count(p => !p.Missed), piiValues.Count));
        foreach (var group in piiValues.GroupBy(p => p.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line("  " + group.Key, group.Count(p => !p.Missed), group.Count()));
        }

        var altered = benign.Count(s => s.Altered);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Benign texts altered: {altered} of {benign.Count} (false-positive rate {Percent(altered, benign.Count)})"));
        var keep = set.Where(s => s.Item.Kind != "benign").Sum(s => s.Item.Keep.Count);
        var lost = set.Sum(s => s.KeepLost.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Business data next to injections/PII kept: {keep - lost} of {keep}"));
    }

    /// <summary>Lists what failed in the development set.</summary>
    public static void PrintFailures(List<CorpusScore> scores)
    {
        Console.WriteLine();
        Console.WriteLine("== failures (development set only: the held-out set is not looked at item by item) ==");
        foreach (var score in scores.Where(s => s.Item.Split == "dev"))
        {
            var problems = new List<string>();
            if (score.Item.Kind == "injection" && !score.Neutralised)
            {
                problems.Add(score.InjectionFound ? "injection only partly removed" : "injection missed");
            }

            problems.AddRange(score.PiiMissed.Select(p => "PII missed: " + p));
            problems.AddRange(score.KeepLost.Select(k => "lost: " + k));
            if (score.Item.Kind == "benign" && score.Altered)
            {
                problems.Add("benign altered");
            }

            if (problems.Count > 0)
            {
                Console.WriteLine($"{score.Item.Id} [{score.Item.Split}/{score.Item.Category}]: {string.Join("; ", problems)}");
                Console.WriteLine("   in : " + score.Item.Text.Replace("\n", "\\n", StringComparison.Ordinal));
                Console.WriteLine("   out: " + score.Output.Replace("\n", "\\n", StringComparison.Ordinal));
            }
        }
    }

    private static string Line(string label, int hit, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-34} {hit,4} / {total,-4} {Percent(hit, total),7}");

    private static string Percent(int hit, int total) =>
        total == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * hit / total:0.0} %");
}
