using System.Text.Json.Serialization;

namespace AgentHost.Connect.Lambda.LambdaRuntime;

/// <summary>Source-generated JSON of the Lambda Runtime API bodies.</summary>
[JsonSerializable(typeof(LambdaError))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
