using System.Text.Json.Serialization;

namespace AgentHost.Connect.Replies;

/// <summary>A Lex V2 message.</summary>
public sealed class LexMessage
{
    /// <summary><c>PlainText</c> for text, <c>SSML</c> for speech markup.</summary>
    [JsonPropertyName("contentType")]
    public required string ContentType { get; init; }

    /// <summary>The content.</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }
}
