using System.Text.Json.Serialization;

namespace AgentHost.Control.Middleware;

/// <summary>Source-generated JSON metadata for the plain values the control layer writes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ControlValueJsonContext : JsonSerializerContext;
