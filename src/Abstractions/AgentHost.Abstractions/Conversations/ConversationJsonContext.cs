using System.Text.Json.Serialization;
using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Conversations;

/// <summary>Source-generated JSON metadata for stored turn outcomes (enums as camelCase wire names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TurnOutcome))]
[JsonSerializable(typeof(SessionMetadata))]
public sealed partial class ConversationJsonContext : JsonSerializerContext;
