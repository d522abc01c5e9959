using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>The body of <c>GET /ping</c>.</summary>
public sealed class PingResponse
{
    /// <summary><c>Healthy</c> or <c>HealthyBusy</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Unix seconds of the last status change.</summary>
    [JsonPropertyName("time_of_last_update")]
    public required long TimeOfLastUpdate { get; init; }
}
