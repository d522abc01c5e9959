using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Converts between arbitrary .NET values and JSON documents for tool inputs and results.</summary>
internal static class BedrockJsonValues
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static JsonElement ToElement(object? value) => value switch
    {
        null => EmptyObject,
        JsonElement element => element,
        JsonDocument document => document.RootElement,
        _ => ConversationJson.ToElement(value),
    };

    public static JsonElement ArgumentsToElement(IDictionary<string, object?>? arguments) => ConversationJson.ToJsonObject(arguments);

    public static Dictionary<string, object?> ElementToArguments(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                result[property.Name] = property.Value.Clone();
            }
        }

        return result;
    }

    public static JsonElement EmptyObjectElement => EmptyObject;
}
