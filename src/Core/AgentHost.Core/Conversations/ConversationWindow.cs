using System.Runtime.InteropServices;
using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Conversations;

/// <summary>
/// Sliding-window trimming of a conversation by message count and approximate token budget.
/// Messages are dropped from the front in whole units: an assistant message with tool calls and the tool
/// messages carrying their results form one unit, so a tool call never loses its result. The trimmed window
/// always starts with a user message that is not a tool result (what Bedrock requires).
/// </summary>
public static class ConversationWindow
{
    /// <summary>Approximate characters per token used for budgeting.</summary>
    public const int CharsPerToken = 4;

    /// <summary>
    /// Returns the messages to send: <paramref name="messages"/> minus as many leading units as needed to fit the bounds.
    /// Messages at or after <paramref name="protectedFrom"/> are never dropped (the current turn).
    /// </summary>
    /// <param name="messages">The conversation, oldest first.</param>
    /// <param name="protectedFrom">Index of the first message that must be kept.</param>
    /// <param name="maxMessages">Maximum messages.</param>
    /// <param name="maxApproxTokens">Approximate token budget.</param>
    public static IReadOnlyList<ChatMessage> Trim(IReadOnlyList<ChatMessage> messages, int protectedFrom, int maxMessages, int maxApproxTokens)
    {
        ArgumentNullException.ThrowIfNull(messages);
        protectedFrom = Math.Clamp(protectedFrom, 0, messages.Count);
        var units = SplitIntoUnits(messages, protectedFrom);

        var count = messages.Count;
        long tokens = 0;
        foreach (var message in messages)
        {
            tokens += EstimateTokens(message);
        }

        var start = 0;
        var unitIndex = 0;
        while (unitIndex < units.Count && (count > maxMessages || tokens > maxApproxTokens))
        {
            var (unitStart, unitLength) = units[unitIndex];
            for (var i = unitStart; i < unitStart + unitLength; i++)
            {
                tokens -= EstimateTokens(messages[i]);
            }

            count -= unitLength;
            start = unitStart + unitLength;
            unitIndex++;
        }

        // The window must begin with a plain user message.
        while (start < protectedFrom && !IsPlainUserMessage(messages[start]) && unitIndex < units.Count)
        {
            start = units[unitIndex].Start + units[unitIndex].Length;
            unitIndex++;
        }

        if (start == 0)
        {
            return messages;
        }

        var result = new List<ChatMessage>(messages.Count - start);
        for (var i = start; i < messages.Count; i++)
        {
            result.Add(messages[i]);
        }

        return result;
    }

    /// <summary>Estimates the tokens of a message (about one token per 4 characters of text, arguments and results).</summary>
    public static long EstimateTokens(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        long chars = 0;
        foreach (var content in message.Contents)
        {
            chars += content switch
            {
                TextContent text => text.Text?.Length ?? 0,
                FunctionCallContent call => call.Name.Length + EstimateJsonLength(call.Arguments),
                FunctionResultContent result => EstimateJsonLength(result.Result),
                _ => 16,
            };
        }

        return (chars / CharsPerToken) + 4;
    }

    /// <summary>Estimates the tokens of the first <paramref name="count"/> messages.</summary>
    public static int EstimateTokensOf(IReadOnlyList<ChatMessage> messages, int count)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long total = 0;
        for (var i = 0; i < count && i < messages.Count; i++)
        {
            total += EstimateTokens(messages[i]);
        }

        return (int)Math.Min(total, int.MaxValue);
    }

    /// <summary>True when the message is a user message with no tool results.</summary>
    public static bool IsPlainUserMessage(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Role == ChatRole.User && !message.Contents.Any(c => c is FunctionResultContent);
    }

    private static long EstimateJsonLength(object? value) => value switch
    {
        null => 0,
        string s => s.Length,
        JsonElement element => JsonMarshal.GetRawUtf8Value(element).Length,
        IDictionary<string, object?> arguments => EstimateObjectLength(arguments),
        AIContent content => EstimateContentLength(content),
        IEnumerable<AIContent> contents => contents.Sum(EstimateContentLength),
        _ when ConversationJson.Options.TryGetTypeInfo(value.GetType(), out var typeInfo) => JsonSerializer.Serialize(value, typeInfo).Length,
        _ => value.ToString()?.Length ?? 0, // a type the conversation's JSON cannot describe: its text is a fair estimate
    };

    /// <summary>
    /// A tool result made of content items (an MCP tool's text, images, documents): text by its length, binary data by its
    /// base64 length, anything else by a small constant.
    /// </summary>
    private static long EstimateContentLength(AIContent content) => content switch
    {
        TextContent text => text.Text?.Length ?? 0,
        DataContent data => (data.Data.Length + 2) / 3 * 4,
        UriContent uri => uri.Uri.OriginalString.Length,
        _ => 16,
    };

    /// <summary>The length of the arguments as a JSON object, counted without serialising them (they are estimated every cycle).</summary>
    private static long EstimateObjectLength(IDictionary<string, object?> arguments)
    {
        long length = 2 + Math.Max(0, arguments.Count - 1); // braces and commas
        foreach (var (name, value) in arguments)
        {
            length += name.Length + 3 + value switch
            {
                null => 4,
                string s => s.Length + 2,
                _ => EstimateJsonLength(value),
            };
        }

        return length;
    }

    /// <summary>Splits the droppable prefix into units: a tool-calling assistant message plus the tool messages answering it, or a single message.</summary>
    private static List<(int Start, int Length)> SplitIntoUnits(IReadOnlyList<ChatMessage> messages, int protectedFrom)
    {
        var units = new List<(int, int)>();
        var i = 0;
        while (i < protectedFrom)
        {
            var length = 1;
            if (messages[i].Contents.Any(c => c is FunctionCallContent))
            {
                while (i + length < messages.Count && IsToolResultMessage(messages[i + length]))
                {
                    length++;
                }
            }

            if (i + length > protectedFrom)
            {
                break; // the unit reaches into the protected part: it cannot be dropped
            }

            units.Add((i, length));
            i += length;
        }

        return units;
    }

    private static bool IsToolResultMessage(ChatMessage message) =>
        message.Role == ChatRole.Tool || (message.Contents.Count > 0 && message.Contents.All(c => c is FunctionResultContent));
}
