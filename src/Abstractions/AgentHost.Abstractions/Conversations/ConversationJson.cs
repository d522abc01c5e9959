using System.Text.Json;
using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// The one JSON format stores use for messages, so that every store reads what another wrote.
/// Built on <see cref="AIJsonUtilities.DefaultOptions"/>, which round-trips every <see cref="AIContent"/> type.
/// </summary>
public static class ConversationJson
{
    /// <summary>The serializer options for messages: <see cref="AIJsonUtilities.DefaultOptions"/> without indentation.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Serialises messages to UTF-8 JSON.</summary>
    public static byte[] SerializeMessages(IReadOnlyList<ChatMessage> messages) =>
        JsonSerializer.SerializeToUtf8Bytes(messages, Options.GetTypeInfo(typeof(IReadOnlyList<ChatMessage>)));

    /// <summary>Deserialises messages written by <see cref="SerializeMessages"/>.</summary>
    /// <exception cref="JsonException">The data is not a message list.</exception>
    public static IReadOnlyList<ChatMessage> DeserializeMessages(ReadOnlySpan<byte> utf8Json) =>
        (IReadOnlyList<ChatMessage>?)JsonSerializer.Deserialize(utf8Json, Options.GetTypeInfo(typeof(IReadOnlyList<ChatMessage>)))
        ?? throw new JsonException("Stored messages were null.");

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
