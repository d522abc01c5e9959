using System.Text.Json.Nodes;

namespace AgentHost.Bedrock.Tests.Support;

internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, bool SignatureValid, string? SignatureProblem);
