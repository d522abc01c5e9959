using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>
/// Source-generated JSON for the AgentCore Runtime contract (<see cref="System.Text.Json.JsonSerializerDefaults.Web"/>
/// settings; member names come from each type's <see cref="JsonPropertyNameAttribute"/>). Reflection-free: usable in
/// trimmed and Native AOT applications.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvocationPayload))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(PingResponse))]
[JsonSerializable(typeof(TextChunk))]
[JsonSerializable(typeof(ToolCallProgress))]
public sealed partial class AgentCoreJsonContext : JsonSerializerContext;
