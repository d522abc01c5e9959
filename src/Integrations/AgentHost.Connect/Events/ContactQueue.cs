using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>The queue of a contact.</summary>
public sealed class ContactQueue
{
    /// <summary>The queue ARN.</summary>
    [JsonPropertyName("ARN")]
    public string? Arn { get; set; }

    /// <summary>The queue name.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; set; }
}
