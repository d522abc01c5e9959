using System.Buffers;
using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tools;

/// <summary>Helpers to build tool results the model sees and to describe tool arguments.</summary>
public static class ToolResults
{
    /// <summary>
    /// Creates an error result. The model sees <paramref name="message"/>; the result carries an exception (for model
    /// clients that map error status, e.g. Bedrock's <c>status: error</c>) and a <c>status</c> property that survives storage.
    /// </summary>
    public static FunctionResultContent Error(string callId, ToolCallStatus status, string message) =>
        new(callId, message)
        {
            Exception = new ToolCallFailedException(message),
            AdditionalProperties = new AdditionalPropertiesDictionary { [ToolResultStatus.Property] = status.ToWireName() },
        };

    /// <summary>Serialises tool arguments to a JSON object (an empty object when there are none).</summary>
    public static JsonElement ToJson(IDictionary<string, object?>? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return EmptyObject;
        }

        // Written entry by entry: a model's arguments are JSON elements already, which the object converter would look up
        // and copy one by one through its polymorphic path.
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case JsonElement element:
                        element.WriteTo(writer);
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    default:
                        JsonSerializer.Serialize(writer, value, ConversationJson.Options.GetTypeInfo(value.GetType()));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
