using System.Text.Json.Serialization;
using AgentHost.AgentCore.Runtime.Invocations;
using AgentHost.AgentCore.Runtime.Ping;

namespace AgentHost.AgentCore.Runtime.Serialization;

/// <summary>Source-generated JSON for the runtime contract.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvocationPayload))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(PingResponse))]
[JsonSerializable(typeof(TextChunk))]
[JsonSerializable(typeof(ToolCallProgress))]
[JsonSerializable(typeof(ToolProgressData))]
public sealed partial class RuntimeJsonContext : JsonSerializerContext;
