using System.Text.Json.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>The bot of a Lex V2 event.</summary>
public sealed class LexBot
{
    /// <summary>The bot id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The bot name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The locale, e.g. <c>en_US</c>.</summary>
    [JsonPropertyName("localeId")]
    public string? LocaleId { get; set; }

    /// <summary>The bot version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The alias id.</summary>
    [JsonPropertyName("aliasId")]
    public string? AliasId { get; set; }
}
