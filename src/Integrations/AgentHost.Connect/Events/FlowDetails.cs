using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>The <c>Details</c> of a contact-flow InvokeLambdaFunction event.</summary>
public sealed class FlowDetails
{
    /// <summary>The contact.</summary>
    [JsonPropertyName("ContactData")]
    public ContactData? ContactData { get; set; }

    /// <summary>The block's invocation attributes (string values).</summary>
    [JsonPropertyName("Parameters")]
    public Dictionary<string, string?>? Parameters { get; set; }
}
