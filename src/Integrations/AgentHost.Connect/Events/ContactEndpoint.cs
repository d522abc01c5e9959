using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>An endpoint of a contact (<c>Address</c> and <c>Type</c>, e.g. <c>TELEPHONE_NUMBER</c>).</summary>
public sealed class ContactEndpoint
{
    /// <summary>The address: a phone number or another identifier. Personal data: never logged, masked in payloads.</summary>
    [JsonPropertyName("Address")]
    public string? Address { get; set; }

    /// <summary>The endpoint type.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }
}
