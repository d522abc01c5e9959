using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>
/// The Lex V2 session state, as received and as answered: Lex replaces its session state with the one in the reply, so
/// the members the bridge does not change (active contexts, runtime hints) are passed back as received.
/// </summary>
public sealed class LexSessionState
{
    /// <summary>Session attributes (string values); set by the flow's <c>LexSessionAttributes</c> and by the bridge.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string?>? SessionAttributes { get; set; }

    /// <summary>The active contexts, passed through.</summary>
    [JsonPropertyName("activeContexts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? ActiveContexts { get; set; }

    /// <summary>The dialog action.</summary>
    [JsonPropertyName("dialogAction")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LexDialogAction? DialogAction { get; set; }

    /// <summary>The current intent.</summary>
    [JsonPropertyName("intent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LexIntent? Intent { get; set; }

    /// <summary>The id of the request that started the dialog, passed through.</summary>
    [JsonPropertyName("originatingRequestId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OriginatingRequestId { get; set; }

    /// <summary>Runtime hints, passed through.</summary>
    [JsonPropertyName("runtimeHints")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? RuntimeHints { get; set; }
}
