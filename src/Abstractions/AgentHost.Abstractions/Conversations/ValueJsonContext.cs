using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// Source-generated JSON metadata for the plain .NET values that tool arguments and tool results carry when code (not a
/// model) builds them: arrays, lists and dictionaries of strings, numbers and JSON. <see cref="ConversationJson.Options"/>
/// chains it after the Microsoft.Extensions.AI metadata, so these values serialise without reflection (the container image
/// is trimmed and has none).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(double[]))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool[]))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(List<object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(List<Dictionary<string, object>>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object>))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(Uri))]
public sealed partial class ValueJsonContext : JsonSerializerContext;
