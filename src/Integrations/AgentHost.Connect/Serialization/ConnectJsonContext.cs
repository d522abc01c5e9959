using System.Text.Json.Serialization;
using AgentHost.Connect.Events;
using AgentHost.Connect.Replies;

namespace AgentHost.Connect.Serialization;

/// <summary>Source-generated JSON for Connect and Lex events and replies (member names as the services spell them).</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(InboundEvent))]
[JsonSerializable(typeof(LexResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ConnectJsonContext : JsonSerializerContext;
