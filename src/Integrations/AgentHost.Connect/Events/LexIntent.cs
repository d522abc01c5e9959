using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>A Lex V2 intent; its slots are passed through unchanged.</summary>
public sealed class LexIntent
{
    /// <summary>The intent name, e.g. <c>FallbackIntent</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The slots, passed through.</summary>
    [JsonPropertyName("slots")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Slots { get; set; }

    /// <summary><c>Failed</c>, <c>Fulfilled</c>, <c>InProgress</c>, <c>ReadyForFulfillment</c>, <c>Waiting</c>...</summary>
    [JsonPropertyName("state")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State { get; set; }

    /// <summary><c>Confirmed</c>, <c>Denied</c> or <c>None</c>.</summary>
    [JsonPropertyName("confirmationState")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConfirmationState { get; set; }
}
