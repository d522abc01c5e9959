using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;

namespace AgentHost.Supervision.Masking;

/// <summary>
/// Masked summaries and hashes of tool arguments and results for the activity feed, with the control layer's
/// <see cref="ArgumentMasker"/>: member names, numbers and booleans are kept, every string is replaced by its length. The
/// hashes are the ones the audit trail records, so a feed entry can be matched with its audit record.
/// </summary>
public static class ResultSummary
{
    /// <summary>Masked arguments and their hash.</summary>
    public static (string Summary, string Hash) OfArguments(JsonElement arguments) =>
        (ArgumentMasker.Summarize(arguments), ControlHashes.Arguments(arguments));

    /// <summary>A masked result and the hash of its text.</summary>
    public static (string Summary, string? Hash) OfResult(object? result)
    {
        var text = ToText(result);
        if (text is null)
        {
            return ("no result", null);
        }

        var hash = ControlHashes.Text(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return (ArgumentMasker.Summarize(root), hash);
            }
        }
        catch (JsonException)
        {
            // Plain text: summarised by size below.
        }

        return (string.Create(CultureInfo.InvariantCulture, $"text: {text.Length} characters"), hash);
    }

    private static string? ToText(object? result)
    {
        switch (result)
        {
            case null:
                return null;
            case string text:
                return text;
            case JsonElement element:
                return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            default:
                try
                {
                    return JsonSerializer.Serialize(result, ConversationJson.Options.GetTypeInfo(result.GetType()));
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
                {
                    return result.ToString();
                }
        }
    }
}
