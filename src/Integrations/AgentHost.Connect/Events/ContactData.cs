using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>The contact in a contact-flow event (<c>Details.ContactData</c>). Endpoints and the queue may be null.</summary>
public sealed class ContactData
{
    /// <summary>The contact attributes.</summary>
    [JsonPropertyName("Attributes")]
    public Dictionary<string, string?>? Attributes { get; set; }

    /// <summary><c>VOICE</c>, <c>CHAT</c>, <c>TASK</c> or <c>EMAIL</c>.</summary>
    [JsonPropertyName("Channel")]
    public string? Channel { get; set; }

    /// <summary>The contact id.</summary>
    [JsonPropertyName("ContactId")]
    public string? ContactId { get; set; }

    /// <summary>The first contact id of a chain of transfers.</summary>
    [JsonPropertyName("InitialContactId")]
    public string? InitialContactId { get; set; }

    /// <summary>The Connect instance ARN.</summary>
    [JsonPropertyName("InstanceARN")]
    public string? InstanceArn { get; set; }

    /// <summary>The customer's endpoint (a phone number for voice); masked before it leaves the bridge.</summary>
    [JsonPropertyName("CustomerEndpoint")]
    public ContactEndpoint? CustomerEndpoint { get; set; }

    /// <summary>The customer id (Customer Profiles), when known.</summary>
    [JsonPropertyName("CustomerId")]
    public string? CustomerId { get; set; }

    /// <summary>The contact's language, e.g. <c>en-US</c>.</summary>
    [JsonPropertyName("LanguageCode")]
    public string? LanguageCode { get; set; }

    /// <summary>The current queue, when set.</summary>
    [JsonPropertyName("Queue")]
    public ContactQueue? Queue { get; set; }
}
