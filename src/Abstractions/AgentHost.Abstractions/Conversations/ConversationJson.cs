using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// The one JSON format stores use for messages, so that every store reads what another wrote.
/// Built on <see cref="AIJsonUtilities.DefaultOptions"/>, which round-trips every <see cref="AIContent"/> type.
/// </summary>
public static class ConversationJson
{
    /// <summary>
    /// The serializer options for messages and the values inside them: <see cref="AIJsonUtilities.DefaultOptions"/> without
    /// indentation, its source-generated metadata followed by <see cref="ValueJsonContext"/> for plain collections. No
    /// reflection: a type neither knows fails with <see cref="NotSupportedException"/>.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonTypeInfo<ChatMessage> MessageInfo = (JsonTypeInfo<ChatMessage>)Options.GetTypeInfo(typeof(ChatMessage));

    private static readonly JsonElement NullElement = JsonElement.Parse("null");

    private static readonly JsonElement EmptyObjectElement = JsonElement.Parse("{}");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            WriteIndented = false,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(AIJsonUtilities.DefaultOptions.TypeInfoResolver, ValueJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Serialises messages to UTF-8 JSON.</summary>
    public static byte[] SerializeMessages(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var buffer = new ArrayBufferWriter<byte>(256 * (messages.Count + 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // Element by element with the message metadata of AIJsonUtilities' source-generated context: it has no
            // metadata for IReadOnlyList<ChatMessage>, and without reflection (a trimmed image) nothing else supplies it.
            writer.WriteStartArray();
            for (var i = 0; i < messages.Count; i++)
            {
                JsonSerializer.Serialize(writer, messages[i], MessageInfo);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Deserialises messages written by <see cref="SerializeMessages"/>.</summary>
    /// <exception cref="JsonException">The data is not a message list.</exception>
    public static IReadOnlyList<ChatMessage> DeserializeMessages(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException("Stored messages were null.");
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Stored messages must be a JSON array, not {reader.TokenType}.");
        }

        var messages = new List<ChatMessage>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            messages.Add(JsonSerializer.Deserialize(ref reader, MessageInfo) ?? throw new JsonException("A stored message was null."));
        }

        return messages;
    }

    /// <summary>
    /// A value inside a message (a tool argument or result) as JSON: a <see cref="JsonElement"/> as it is, <see langword="null"/>
    /// as JSON null, anything else serialised by its runtime type with <see cref="Options"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">Neither M.E.AI's nor <see cref="ValueJsonContext"/>'s metadata knows the type.</exception>
    public static JsonElement ToElement(object? value) => value switch
    {
        null => NullElement,
        JsonElement element => element,
        _ => JsonSerializer.SerializeToElement(value, Options.GetTypeInfo(value.GetType())),
    };

    /// <summary>
    /// Named values (tool arguments) as one JSON object, in their order; an empty object when there are none. Written entry
    /// by entry: a model's arguments are JSON elements already, copied as they are, not through the object converter's
    /// polymorphic path.
    /// </summary>
    /// <exception cref="NotSupportedException">A value of a type without metadata (see <see cref="ToElement"/>).</exception>
    public static JsonElement ToJsonObject(IEnumerable<KeyValuePair<string, object?>>? values)
    {
        if (values is null || (values is ICollection<KeyValuePair<string, object?>> { Count: 0 }))
        {
            return EmptyObjectElement;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
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
                        JsonSerializer.Serialize(writer, value, Options.GetTypeInfo(value.GetType()));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>Serialises a turn outcome to UTF-8 JSON.</summary>
    public static byte[] SerializeOutcome(TurnOutcome outcome) =>
        JsonSerializer.SerializeToUtf8Bytes(outcome, ConversationJsonContext.Default.TurnOutcome);

    /// <summary>Deserialises a turn outcome written by <see cref="SerializeOutcome"/>.</summary>
    /// <exception cref="JsonException">The data is not an outcome.</exception>
    public static TurnOutcome DeserializeOutcome(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ConversationJsonContext.Default.TurnOutcome)
        ?? throw new JsonException("Stored outcome was null.");

    /// <summary>Serialises session metadata to UTF-8 JSON.</summary>
    public static byte[] SerializeMetadata(SessionMetadata metadata) =>
        JsonSerializer.SerializeToUtf8Bytes(metadata, ConversationJsonContext.Default.SessionMetadata);

    /// <summary>Deserialises session metadata written by <see cref="SerializeMetadata"/>.</summary>
    public static SessionMetadata DeserializeMetadata(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ConversationJsonContext.Default.SessionMetadata) ?? SessionMetadata.Empty;
}
