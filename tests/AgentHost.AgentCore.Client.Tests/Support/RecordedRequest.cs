using System.Text.Json.Nodes;

namespace AgentHost.AgentCore.Client.Tests.Support;

/// <summary>A request the fake data plane received, with the outcome of its signature check.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, string? SignatureProblem)
{
    public string? TurnId => Body?["turnId"]?.GetValue<string>();
}
