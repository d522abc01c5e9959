using System.Text.Json.Serialization;

namespace AgentHost.Abstractions.Control;

/// <summary>
/// Source-generated JSON metadata for the control layer's records (approval requests, intent outcomes, audit records), the
/// one format every store and export uses. Enums as strings; nulls omitted.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApprovalRequest))]
[JsonSerializable(typeof(IReadOnlyList<ApprovalRequest>))]
[JsonSerializable(typeof(ApprovalRequester))]
[JsonSerializable(typeof(IReadOnlyList<ApprovalVote>))]
[JsonSerializable(typeof(ApprovalDecisionResult))]
[JsonSerializable(typeof(ToolIntentOutcome))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
public sealed partial class ControlJsonContext : JsonSerializerContext;
