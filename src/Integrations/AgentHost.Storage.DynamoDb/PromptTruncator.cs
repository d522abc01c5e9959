using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Builds the prompt copy of a turn: texts and tool results above a limit are cut and end with a marker.</summary>
internal static class PromptTruncator
{
    public static (IReadOnlyList<ChatMessage> Messages, int Truncated) Truncate(IReadOnlyList<ChatMessage> messages, int limit, long sequence)
    {
        var truncated = 0;
        var result = new List<ChatMessage>(messages.Count);
        foreach (var message in messages)
        {
            List<AIContent>? contents = null;
            for (var i = 0; i < message.Contents.Count; i++)
            {
                var replacement = TruncateContent(message.Contents[i], limit, sequence);
                if (replacement is null)
                {
                    contents?.Add(message.Contents[i]);
                    continue;
                }

                truncated++;
                contents ??= [.. message.Contents.Take(i)];
                contents.Add(replacement);
            }

            result.Add(contents is null ? message : new ChatMessage(message.Role, contents)
            {
                AuthorName = message.AuthorName,
                MessageId = message.MessageId,
                CreatedAt = message.CreatedAt,
                AdditionalProperties = message.AdditionalProperties,
            });
        }

        return (result, truncated);
    }

    private static AIContent? TruncateContent(AIContent content, int limit, long sequence) => content switch
    {
        TextContent text when text.Text.Length > limit => new TextContent(Cut(text.Text, limit, sequence)),
        FunctionResultContent result when ResultText(result.Result) is { } text && text.Length > limit =>
            new FunctionResultContent(result.CallId, Cut(text, limit, sequence)),
        _ => null,
    };

    private static string? ResultText(object? result)
    {
        switch (result)
        {
            case null:
                return null;
            case string text:
                return text;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return element.GetString();
            case JsonElement element:
                return element.GetRawText();
            default:
                try
                {
                    return JsonSerializer.Serialize(result, ConversationJson.Options.GetTypeInfo(result.GetType()));
                }
                catch (NotSupportedException)
                {
                    return result.ToString();
                }
        }
    }

    private static string Cut(string text, int limit, long sequence)
    {
        var keep = limit;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(
            text.AsSpan(0, keep),
            string.Create(
                CultureInfo.InvariantCulture,
                $"\n{DynamoDbConversationStoreOptions.TruncationMarkerPrefix} showing {keep} of {text.Length} characters; the full value is stored with turn {sequence} of this session]"));
    }
}
