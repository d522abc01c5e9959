using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
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

    /// <summary>
    /// A masked result and the hash of its text (the result as the model sees it, envelope included, so that the hash matches
    /// the audit record's). The summary describes the data inside the sanitisation envelope (<see cref="ToolResultEnvelope"/>).
    /// </summary>
    public static (string Summary, string? Hash) OfResult(object? result)
    {
        var text = ToText(result);
        if (text is null)
        {
            return ("no result", null);
        }

        var hash = ControlHashes.Text(text);
        var data = ToolResultEnvelope.Unwrap(result);
        if (data is JsonElement { ValueKind: JsonValueKind.Object or JsonValueKind.Array } element)
        {
            return (ArgumentMasker.Summarize(element), hash);
        }

        var dataText = data is JsonElement { ValueKind: JsonValueKind.String } jsonString ? jsonString.GetString() ?? string.Empty : data as string ?? text;
        if (TryParseContainer(dataText) is { } parsed)
        {
            return (ArgumentMasker.Summarize(parsed), hash);
        }

        return (string.Create(CultureInfo.InvariantCulture, $"text: {dataText.Length} characters"), hash);
    }

    /// <summary>
    /// The JSON object or array <paramref name="text"/> holds, or null for anything else. Plain text is recognised without
    /// parsing (no exception on the hot path: every tool result goes through here).
    /// </summary>
    internal static JsonElement? TryParseContainer(string text)
    {
        if (!ToolResultEnvelope.MayBeJsonContainer(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
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
