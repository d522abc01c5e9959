using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentHost.Models.Offline.Text;

namespace AgentHost.Models.Offline.Replies;

/// <summary>Turns a tool's result into plain sentences: a lead sentence, then one readable line per field.</summary>
internal static partial class ResultSummarizer
{
    private static readonly Dictionary<string, string> PastTense = new(StringComparer.Ordinal)
    {
        ["create"] = "created", ["update"] = "updated", ["send"] = "sent", ["add"] = "added", ["request"] = "requested",
        ["book"] = "booked", ["escalate"] = "escalated", ["place"] = "placed", ["cancel"] = "cancelled", ["delete"] = "deleted",
        ["withdraw"] = "withdrew", ["run"] = "ran", ["verify"] = "checked", ["check"] = "checked", ["find"] = "searched for",
    };

    public static string Summarize(string toolName, IDictionary<string, object?>? arguments, ToolOutcome outcome, int maxItems, int maxFields)
    {
        string words = Humanize.ToolWords(toolName);
        if (outcome.IsError)
        {
            string reason = string.IsNullOrWhiteSpace(outcome.Text) ? "it did not say why" : outcome.Text.Trim().TrimEnd('.');
            return $"Sorry, I couldn't {words}: {reason}.";
        }

        StringBuilder text = new(Lead(toolName, arguments));
        if (outcome.Json is { } json)
        {
            text.Append('\n');
            Render(json, text, maxItems, maxFields);
        }
        else if (!string.IsNullOrWhiteSpace(outcome.Text))
        {
            text.Append(' ').Append(outcome.Text.Trim());
        }
        else
        {
            text.Append(" It returned no details.");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Lists the tools a search returned.</summary>
    public static string SummarizeSearch(ToolOutcome outcome)
    {
        if (outcome.Json is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("tools", out JsonElement tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return "The tool search returned nothing I could read.";
        }

        List<string> lines = [.. tools.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("name", out _))
            .Select(t => $"- {t.GetProperty("name").GetString()}: {FirstSentence(t.TryGetProperty("description", out JsonElement d) ? d.GetString() : null)}")];
        return lines.Count == 0
            ? "The tool search found no matching tools."
            : $"The tool search found {lines.Count} matching tool{(lines.Count == 1 ? string.Empty : "s")}:\n" + string.Join('\n', lines);
    }

    private static string Lead(string toolName, IDictionary<string, object?>? arguments)
    {
        string[] parts = Humanize.ToolWords(toolName).Split(' ', 2);
        string verb = parts[0];
        string rest = parts.Length > 1 ? parts[1] : string.Empty;
        string subject = arguments?.Values.OfType<string>().FirstOrDefault(v => IdRegex().IsMatch(v)) is { } id ? $" for {id}" : string.Empty;
        return verb switch
        {
            "get" or "show" or "fetch" or "read" => $"Here is the {rest}{subject}:",
            "list" => $"Here are the {rest}{subject}:",
            _ when PastTense.TryGetValue(verb, out string? past) && rest.StartsWith("to ", StringComparison.Ordinal) => $"I {past} this to {Article(rest[3..])}{subject}:",
            _ when PastTense.TryGetValue(verb, out string? past) => $"I {past} the {(rest.Length > 0 ? rest : "request")}{subject}:",
            _ => $"Here is the result of {Humanize.ToolWords(toolName)}{subject}:",
        };
    }

    private static string Article(string noun) =>
        noun.StartsWith("a ", StringComparison.Ordinal) || noun.StartsWith("the ", StringComparison.Ordinal) ? noun
        : "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " + noun : "a " + noun;

    private static void Render(JsonElement json, StringBuilder text, int maxItems, int maxFields)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                // Items repeating a top-level value (the investor id on every trade) leave it out.
                HashSet<string> shared = new(json.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .Select(p => p.Name + "=" + p.Value.GetString()), StringComparer.Ordinal);
                foreach (JsonProperty property in json.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
                {
                    RenderField(Humanize.Capitalise(Humanize.Words(property.Name)), property.Value, text, maxItems, maxFields, shared);
                }

                break;
            case JsonValueKind.Array:
                RenderField("Results", json, text, maxItems, maxFields, []);
                break;
            default:
                text.Append("- ").Append(Scalar(json)).Append('\n');
                break;
        }
    }

    private static void RenderField(string label, JsonElement value, StringBuilder text, int maxItems, int maxFields, HashSet<string> shared)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                text.Append($"- {label}: none\n");
                break;
            case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array):
                text.Append($"- {label}: {string.Join(", ", value.EnumerateArray().Take(maxItems).Select(Scalar))}\n");
                break;
            case JsonValueKind.Array:
                int count = value.GetArrayLength();
                text.Append($"- {label} ({count}):\n");
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray().Take(maxItems))
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {++index}. {Inline(item, maxFields, shared)}\n");
                }

                if (count > maxItems)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  ...and {count - maxItems} more\n");
                }

                break;
            case JsonValueKind.Object:
                text.Append($"- {label}: {Inline(value, maxFields, shared)}\n");
                break;
            default:
                text.Append($"- {label}: {Scalar(value)}\n");
                break;
        }
    }

    private static string Inline(JsonElement item, int maxFields, HashSet<string> shared) => item.ValueKind == JsonValueKind.Object
        ? string.Join("; ", item.EnumerateObject()
            .Where(p => p.Value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Object and not JsonValueKind.Array)
            .Where(p => p.Value.ValueKind != JsonValueKind.String || !shared.Contains(p.Name + "=" + p.Value.GetString()))
            .Take(maxFields)
            .Select(p => $"{Humanize.Words(p.Name)} {Scalar(p.Value)}"))
        : Scalar(item);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Readable(value.GetString() ?? string.Empty),
        JsonValueKind.Number when value.TryGetDecimal(out decimal d) => d == decimal.Truncate(d)
            ? d.ToString("#,0", CultureInfo.InvariantCulture)
            : d.ToString("#,0.00##", CultureInfo.InvariantCulture),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => $"{value.GetArrayLength()} items",
        JsonValueKind.Object => "(details)",
        _ => value.GetRawText(),
    };

    private static string Readable(string value) => SnakeCaseRegex().IsMatch(value) ? value.Replace('_', ' ') : value;

    private static string FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(no description)";
        }

        int end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..(end + 1)] : text;
    }

    [GeneratedRegex(@"^[A-Z]{1,4}-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^[a-z]+(_[a-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCaseRegex();
}
