using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Selection;

/// <summary>Collects the string values of every <c>name</c> property in a JSON value (depth-first, in document order).</summary>
internal static class JsonNameExtractor
{
    public static List<string> Extract(object? value)
    {
        var names = new List<string>();
        var element = ToElement(value);
        if (element is { } e)
        {
            Walk(e, names, 0);
        }

        return names;
    }

    public static JsonElement? ToElement(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonElement element:
                return element.ValueKind == JsonValueKind.String ? Parse(element.GetString()) : element;
            case string text:
                return Parse(text);
            case TextContent text:
                return Parse(text.Text);
            case IEnumerable<AIContent> contents:
                return Parse(string.Concat(contents.OfType<TextContent>().Select(c => c.Text)));
            default:
                try
                {
                    return ConversationJson.ToElement(value);
                }
                catch (NotSupportedException)
                {
                    return null;
                }
        }
    }

    private static JsonElement? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
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

    private static void Walk(JsonElement element, List<string> names, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("name") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        names.Add(property.Value.GetString()!);
                    }
                    else if (!property.NameEquals("inputSchema"))
                    {
                        Walk(property.Value, names, depth + 1);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, names, depth + 1);
                }

                break;
        }
    }
}
