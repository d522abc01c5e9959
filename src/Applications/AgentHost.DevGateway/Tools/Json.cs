using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace AgentHost.DevGateway.Tools;

/// <summary>Small helpers to build tool results with the source-generated serializer metadata.</summary>
internal static class Json
{
    public static JsonNode Node<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToNode(value, typeInfo) ?? new JsonObject();

    public static JsonArray Array<T>(IEnumerable<T> values, JsonTypeInfo<T> typeInfo) =>
        new([.. values.Select(v => Node(v, typeInfo))]);
}
