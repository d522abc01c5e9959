using System.Text.Json.Serialization;

namespace AgentHost.Abstractions.Supervision;

/// <summary>Source-generated JSON for the supervision records (activity events, live sessions, guidance, escalation packages). Nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActivityEvent))]
[JsonSerializable(typeof(IReadOnlyList<ActivityEvent>))]
[JsonSerializable(typeof(LiveSession))]
[JsonSerializable(typeof(IReadOnlyList<LiveSession>))]
[JsonSerializable(typeof(SupervisorGuidance))]
[JsonSerializable(typeof(EscalationPackage))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
public sealed partial class SupervisionJsonContext : JsonSerializerContext;
