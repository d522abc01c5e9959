using System.Text.Json;

namespace AgentHost.Sanitization.Evaluation;

/// <summary>One labelled text of the corpus (see tests/fixtures/sanitization/README.md).</summary>
public sealed record CorpusItem(
    string Id,
    string Split,
    string Language,
    string Kind,
    string Category,
    string? Obfuscation,
    string Tool,
    string Text,
    IReadOnlyList<string> Remove,
    IReadOnlyList<(string Type, string Value)> Pii,
    IReadOnlyList<string> Keep)
{
    /// <summary>Reads every *.jsonl file of a folder.</summary>
    public static List<CorpusItem> Load(string folder)
    {
        var items = new List<CorpusItem>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                items.Add(new CorpusItem(
                    root.GetProperty("id").GetString()!,
                    root.GetProperty("split").GetString()!,
                    root.GetProperty("lang").GetString()!,
                    root.GetProperty("kind").GetString()!,
                    root.GetProperty("category").GetString()!,
                    root.TryGetProperty("obfuscation", out var obfuscation) ? obfuscation.GetString() : null,
                    root.GetProperty("tool").GetString()!,
                    root.GetProperty("text").GetString()!,
                    Strings(root, "remove"),
                    root.TryGetProperty("pii", out var pii)
                        ? [.. pii.EnumerateArray().Select(p => (p.GetProperty("type").GetString()!, p.GetProperty("value").GetString()!))]
                        : [],
                    Strings(root, "keep")));
            }
        }

        return items;
    }

    private static List<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
}
