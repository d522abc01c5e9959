using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Sanitization.Replies;

/// <summary>
/// Masks personal data in the model's text (by default cards, SSNs and CPFs; per channel configurable through
/// <see cref="ReplyMaskingOptions"/>) before it reaches the customer, the stream of text deltas and the stored
/// conversation. Streamed replies stay correct when a value is split across chunks: only the end of the text that could
/// still grow into a value is held back, and released (masked or not) as soon as it cannot, at a tool call, at the end of
/// a message, or at the end of the response. Tool-call arguments and reasoning are not touched.
/// </summary>
/// <remarks>
/// The channel comes from the call's <see cref="ChatOptions.AdditionalProperties"/> under <see cref="ChannelProperty"/>
/// (<see cref="SanitizationHook"/> puts the invocation's channel there); without it the global settings apply. Logs name
/// categories and counts only, never values.
/// </remarks>
public sealed partial class ReplyMaskingChatClient : DelegatingChatClient
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of the invocation's channel.</summary>
    public const string ChannelProperty = "agenthost.sanitization.channel";

    private readonly ReplyMasker _masker;
    private readonly ILogger _logger;

    /// <summary>Creates the client.</summary>
    /// <param name="innerClient">The model client.</param>
    /// <param name="masker">The masker.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="masker"/> is null.</exception>
    public ReplyMaskingChatClient(IChatClient innerClient, ReplyMasker masker, ILogger<ReplyMaskingChatClient>? logger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(masker);
        _masker = masker;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var channel = ChannelOf(options);
        if (!_masker.IsEnabled(channel))
        {
            return response;
        }

        var findings = new List<SanitizationFinding>();
        foreach (var message in response.Messages)
        {
            if (message.Role != ChatRole.Assistant)
            {
                continue;
            }

            for (var i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is TextContent text && text.GetType() == typeof(TextContent))
                {
                    var masked = _masker.Mask(text.Text, channel, findings);
                    if (!ReferenceEquals(masked, text.Text))
                    {
                        message.Contents[i] = Copy(text, masked);
                    }
                }
            }
        }

        Report(findings, channel);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = ChannelOf(options);
        if (!_masker.IsEnabled(channel))
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var stream = _masker.CreateStream(channel);
        ChatResponseUpdate? last = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            var contents = new List<AIContent>(update.Contents.Count + 1);
            if (last is not null && update.MessageId is not null && last.MessageId is not null && update.MessageId != last.MessageId)
            {
                // A new message: what the previous one held back ends with it.
                AddText(contents, stream.Flush(), null);
            }

            last = update;
            if (update.Role is { } role && role != ChatRole.Assistant)
            {
                AddText(contents, stream.Flush(), null);
                contents.AddRange(update.Contents);
            }
            else
            {
                foreach (var content in update.Contents)
                {
                    if (content is TextContent text && text.GetType() == typeof(TextContent))
                    {
                        AddText(contents, stream.Append(text.Text), text);
                    }
                    else
                    {
                        // A tool call or anything else ends the text before it.
                        AddText(contents, stream.Flush(), null);
                        contents.Add(content);
                    }
                }

                if (update.FinishReason is not null)
                {
                    AddText(contents, stream.Flush(), null);
                }
            }

            if (!SameContents(contents, update.Contents))
            {
                update.Contents = contents;
                update.RawRepresentation = null;
            }

            yield return update;
        }

        var rest = stream.Flush();
        if (rest.Length > 0)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, rest)
            {
                MessageId = last?.MessageId,
                ResponseId = last?.ResponseId,
                ConversationId = last?.ConversationId,
                ModelId = last?.ModelId,
                CreatedAt = last?.CreatedAt,
            };
        }

        Report(stream.Findings, channel);
    }

    private static string? ChannelOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ChannelProperty, out var value) == true ? value as string : null;

    private static TextContent Copy(TextContent original, string text) =>
        new(text) { AdditionalProperties = original.AdditionalProperties, Annotations = original.Annotations };

    private static void AddText(List<AIContent> contents, string text, TextContent? original)
    {
        if (text.Length == 0)
        {
            return;
        }

        contents.Add(original is not null && ReferenceEquals(text, original.Text) ? original : original is null ? new TextContent(text) : Copy(original, text));
    }

    private static bool SameContents(List<AIContent> contents, IList<AIContent> original)
    {
        if (contents.Count != original.Count)
        {
            return false;
        }

        for (var i = 0; i < contents.Count; i++)
        {
            if (!ReferenceEquals(contents[i], original[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void Report(List<SanitizationFinding> findings, string? channel)
    {
        if (findings.Count > 0)
        {
            LogMasked(_logger, findings.Count, channel ?? "(default)", string.Join(',', findings.Select(f => f.Category).Distinct(StringComparer.Ordinal)));
        }
    }

    [LoggerMessage(EventId = 11010, Level = LogLevel.Information, Message = "Reply masked: {Count} personal-data value(s) on channel {Channel} ({Categories})")]
    private static partial void LogMasked(ILogger logger, int count, string channel, string categories);
}
