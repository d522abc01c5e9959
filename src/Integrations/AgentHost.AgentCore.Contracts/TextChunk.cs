using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>Data of an SSE <c>message</c> event: a text fragment.</summary>
public sealed class TextChunk
{
    /// <summary>The fragment.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
