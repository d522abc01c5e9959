using System.Text;
using System.Text.Json;

namespace AgentHost.Sanitization.Evaluation;

/// <summary>How the sanitiser did on one corpus item.</summary>
public sealed record CorpusScore(CorpusItem Item, string Output, bool InjectionFound, bool Neutralised, int PiiMasked, IReadOnlyList<string> PiiMissed, IReadOnlyList<string> KeepLost, bool Altered)
{
    /// <summary>Runs the sanitiser on an item and scores the result.</summary>
    public static CorpusScore Of(ToolResultSanitizer sanitizer, CorpusItem item)
    {
        var result = sanitizer.Sanitize(item.Text, item.Tool);
        var visible = VisibleText(result.Text);
        var injectionFound = result.Findings.Any(f => f.Kind == FindingKind.Injection);
        var neutralised = injectionFound && item.Remove.All(r => !visible.Contains(r, StringComparison.Ordinal));
        var missed = item.Pii.Where(p => visible.Contains(p.Value, StringComparison.Ordinal)).Select(p => p.Type + " " + p.Value).ToList();
        var keepLost = item.Keep.Where(k => !visible.Contains(k, StringComparison.Ordinal)).ToList();
        return new CorpusScore(item, result.Text, injectionFound, neutralised, item.Pii.Count - missed.Count, missed, keepLost, result.Text != item.Text);
    }

    // What the model reads: for JSON, the decoded string values and numbers; for text, the text.
    private static string VisibleText(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var builder = new StringBuilder();
            Append(document.RootElement, builder);
            return builder.ToString();
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static void Append(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    builder.Append(property.Name).Append('\n');
                    Append(property.Value, builder);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Append(item, builder);
                }

                break;
            case JsonValueKind.String:
                builder.Append(element.GetString()).Append('\n');
                break;
            default:
                builder.Append(element.GetRawText()).Append('\n');
                break;
        }
    }
}
