using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>A Lex V2 dialog action: <c>ElicitIntent</c> keeps the conversation in Lex, <c>Close</c> returns to the flow.</summary>
public sealed class LexDialogAction
{
    /// <summary><c>Close</c>, <c>ConfirmIntent</c>, <c>Delegate</c>, <c>ElicitIntent</c> or <c>ElicitSlot</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The slot to elicit (<c>ElicitSlot</c> only).</summary>
    [JsonPropertyName("slotToElicit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SlotToElicit { get; set; }
}
