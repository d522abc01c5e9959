namespace AgentHost.Models.Offline;

/// <summary>Options of <see cref="OfflineChatClient"/>. Every default is chosen for the development gateway's catalog.</summary>
public sealed class OfflineChatClientOptions
{
    /// <summary>The provider name reported in <c>ChatClientMetadata</c>: <c>offline-rules</c>. Not configurable, so the client is never mistaken for a language model.</summary>
    public const string ProviderName = "offline-rules";

    /// <summary>The default model id: <c>offline-rules-v1</c>.</summary>
    public const string DefaultModelId = "offline-rules-v1";

    /// <summary>Gets or sets the model id reported in responses and metadata. Default <c>offline-rules-v1</c>.</summary>
    public string ModelId { get; set; } = DefaultModelId;

    /// <summary>
    /// Gets or sets the minimum relevance score (BM25 over tool name, description and parameters) a tool needs
    /// to be called. Default 1.0; lower values call tools on weaker matches.
    /// </summary>
    public double MinimumScore { get; set; } = 1.0;

    /// <summary>
    /// Gets or sets whether ids missing from the latest message may be taken from earlier turns (user messages,
    /// answers and tool results), and whether a short follow-up ("and LP-002?") reuses the previous request.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool UseConversationContext { get; set; } = true;

    /// <summary>Gets or sets whether the gateway search tool may be called when no other tool matches. Default <see langword="true"/>.</summary>
    public bool UseSearchTool { get; set; } = true;

    /// <summary>Gets or sets how many list items a result summary shows before "...and N more". Default 10.</summary>
    public int MaxListItems { get; set; } = 10;

    /// <summary>Gets or sets how many fields of each list item a summary shows. Default 6.</summary>
    public int MaxFieldsPerItem { get; set; } = 6;

    /// <summary>
    /// Gets extra synonyms added to the built-in financial-services vocabulary: a user word mapped to words
    /// that appear in tool names or descriptions (for example "pension" to "portfolio"). Empty by default.
    /// </summary>
    public IDictionary<string, string[]> AdditionalSynonyms { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
}
