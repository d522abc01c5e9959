using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AgentHost.Models.Offline.Conversation;
using AgentHost.Models.Offline.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Models.Offline;

/// <summary>
/// A rule-based, network-free <see cref="IChatClient"/> for trying the host without AWS. It is <b>not a language
/// model</b> and says so (<c>ChatClientMetadata</c> provider <c>offline-rules</c>): it ranks the offered tools
/// against the user's words, extracts arguments from the text according to each tool's input schema, calls the
/// best tool when its required arguments are present, otherwise asks for what is missing, and turns tool results
/// into plain sentences. It is deterministic: no randomness and no clock, so the same conversation always gets the
/// same answer. Token counts in <see cref="UsageDetails"/> are approximate (characters / 4).
/// </summary>
public sealed partial class OfflineChatClient : IChatClient
{
    /// <summary>The name of the AgentCore Gateway search tool, which the client may call when nothing else matches.</summary>
    public const string GatewaySearchToolName = "x_amz_bedrock_agentcore_search";

    private readonly OfflineChatClientOptions _options;
    private readonly ILogger _logger;
    private readonly ChatClientMetadata _metadata;
    private readonly FrozenDictionary<string, string[]> _synonyms;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Optional logger for decisions (tool names and scores only; never the user's words).</param>
    public OfflineChatClient(OfflineChatClientOptions? options = null, ILogger<OfflineChatClient>? logger = null)
    {
        _options = options ?? new OfflineChatClientOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metadata = new ChatClientMetadata(OfflineChatClientOptions.ProviderName, providerUri: null, defaultModelId: _options.ModelId);
        Dictionary<string, string[]> synonyms = DomainSynonyms.Default.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach ((string word, string[] meanings) in _options.AdditionalSynonyms)
        {
            synonyms[Terms.Stem(word.ToLowerInvariant())] = [.. meanings.SelectMany(Terms.Of)];
        }

        _synonyms = synonyms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        ConversationView view = ConversationView.Read(messages);
        OfflineDecision decision = Decide(view, options);
        ChatMessage message = new(ChatRole.Assistant, [.. decision.Contents]) { MessageId = decision.Id };
        return Task.FromResult(new ChatResponse(message)
        {
            ResponseId = decision.Id,
            ModelId = _options.ModelId,
            FinishReason = decision.FinishReason,
            Usage = Usage(view, decision),
        });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ConversationView view = ConversationView.Read(messages);
        OfflineDecision decision = Decide(view, options);
        foreach (AIContent content in decision.Contents)
        {
            if (content is TextContent text)
            {
                foreach (Match word in WordRegex().Matches(text.Text))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Yield();
                    yield return Update(decision, [new TextContent(word.Value)]);
                }
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Update(decision, [content]);
            }
        }

        ChatResponseUpdate last = Update(decision, [new UsageContent(Usage(view, decision))]);
        last.FinishReason = decision.FinishReason;
        yield return last;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the client holds no connections.
    }

    private ChatResponseUpdate Update(OfflineDecision decision, IList<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ResponseId = decision.Id,
        MessageId = decision.Id,
        ModelId = _options.ModelId,
    };

    private static UsageDetails Usage(ConversationView view, OfflineDecision decision)
    {
        long input = Math.Max(1, view.CharacterCount / 4);
        long output = Math.Max(1, decision.OutputCharacters / 4);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    [GeneratedRegex(@"\s*\S+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();
}
