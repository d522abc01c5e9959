using System.Text.Json.Serialization;

namespace AgentHost.Server.Tests;

/// <summary>Source-generated JSON for the payloads the server tests send.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
