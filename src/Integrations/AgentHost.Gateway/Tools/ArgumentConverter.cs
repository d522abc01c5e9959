using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tools;

/// <summary>Converts the model's arguments (JSON elements, or CLR values from hand-built calls) to JSON for MCP.</summary>
internal static class ArgumentConverter
{
    private static readonly JsonElement Null = JsonElement.Parse("null");

    public static Dictionary<string, JsonElement> ToJson(AIFunctionArguments arguments)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            values[name] = value switch
            {
                JsonElement element => element,
                null => Null,
                _ => JsonSerializer.SerializeToElement(value, ConversationJson.Options.GetTypeInfo(value.GetType())),
            };
        }

        return values;
    }

    public static JsonElement ToObject(IReadOnlyDictionary<string, JsonElement> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
