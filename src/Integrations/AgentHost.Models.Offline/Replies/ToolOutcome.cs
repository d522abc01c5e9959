using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Replies;

/// <summary>
/// A tool result reduced to JSON or text, whatever shape it arrived in: a string, JSON, an MCP
/// <c>CallToolResult</c> (<c>content</c>, <c>structuredContent</c>, <c>isError</c>) or an exception.
/// </summary>
internal sealed record ToolOutcome(bool IsError, JsonElement? Json, string? Text)
{
    public static ToolOutcome From(FunctionResultContent result)
    {
        if (result.Exception is { } exception)
        {
            return new ToolOutcome(true, null, exception.Message);
        }

        return result.Result switch
        {
            null => new ToolOutcome(false, null, null),
            JsonElement element => FromJson(element),
            JsonNode node => FromText(node.ToJsonString()),
            string text => FromText(text),
            TextContent content => FromText(content.Text),
            _ => FromObject(result.Result),
        };
    }

    private static ToolOutcome FromObject(object value)
    {
        try
        {
            return FromJson(ConversationJson.ToElement(value));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return new ToolOutcome(false, null, value.ToString());
        }
    }

    private static ToolOutcome FromText(string text)
    {
        string trimmed = text.Trim();
        if (ToolResultEnvelope.TryUnwrapText(trimmed, out string inner))
        {
            trimmed = inner;
        }

        if (trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '['))
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(trimmed);
                return FromJson(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to plain text.
            }
        }

        return new ToolOutcome(false, null, trimmed);
    }

    private static ToolOutcome FromJson(JsonElement element)
    {
        if (ToolResultEnvelope.TryUnwrapJson(element, out JsonElement data))
        {
            element = data;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return FromText(element.GetString() ?? string.Empty);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ToolOutcome(false, element, null);
        }

        bool isError = element.TryGetProperty("isError", out JsonElement e) && e.ValueKind == JsonValueKind.True;
        if (element.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.Array &&
            (isError || element.TryGetProperty("structuredContent", out _) || content.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("type", out _))))
        {
            string text = string.Concat(content.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("text", out _))
                .Select(c => c.GetProperty("text").GetString()));
            if (isError)
            {
                return new ToolOutcome(true, null, text);
            }

            return element.TryGetProperty("structuredContent", out JsonElement structured) && structured.ValueKind == JsonValueKind.Object
                ? new ToolOutcome(false, structured, null)
                : FromText(text);
        }

        // The host's gateway adapter sends {"content": "<text>", "structuredContent": {...}} when both differ.
        if (element.TryGetProperty("structuredContent", out JsonElement structuredOnly) && structuredOnly.ValueKind == JsonValueKind.Object &&
            element.EnumerateObject().Count() <= 3)
        {
            return new ToolOutcome(isError, structuredOnly, null);
        }

        if (element.TryGetProperty("error", out JsonElement error) && element.EnumerateObject().Count() <= 3)
        {
            string message = error.ValueKind == JsonValueKind.String ? error.GetString() ?? "unknown error"
                : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "unknown error"
                : error.GetRawText();
            return new ToolOutcome(true, null, message);
        }

        return new ToolOutcome(isError, element, null);
    }
}
