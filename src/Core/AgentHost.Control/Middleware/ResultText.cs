using System.Text.Json;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Control.Middleware;

/// <summary>Converts tool results to the JSON text stored with an intent's outcome and hashed for the audit trail, and back.</summary>
internal static class ResultText
{
    /// <summary>The result as JSON text: a string becomes a JSON string, a JSON value stays as it is, other values are serialised.</summary>
    public static string ToJson(object? result)
    {
        switch (result)
        {
            case null:
                return "null";
            case string text:
                return JsonSerializer.Serialize(text, ControlValueJsonContext.Default.String);
            case JsonElement element:
                return element.GetRawText();
            default:
                try
                {
                    return JsonSerializer.Serialize(result, ConversationJson.Options.GetTypeInfo(result.GetType()));
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
                {
                    return JsonSerializer.Serialize(result.ToString() ?? string.Empty, ControlValueJsonContext.Default.String);
                }
        }
    }

    /// <summary>The value a stored result stands for: a string for a JSON string, else the JSON value.</summary>
    public static object? FromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.String => root.GetString(),
                JsonValueKind.Null => null,
                _ => root.Clone(),
            };
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
