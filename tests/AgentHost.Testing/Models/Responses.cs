using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AgentHost.Testing.Models;

/// <summary>Builders of model responses for tests.</summary>
public static partial class Responses
{
    /// <summary>A final text answer; streamed as one update per word.</summary>
    public static ChatResponse Text(string text, long inputTokens = 10, long outputTokens = 5)
    {
        var contents = WordPattern().Matches(text).Select(m => (AIContent)new TextContent(m.Value)).ToList();
        if (contents.Count == 0)
        {
            contents.Add(new TextContent(text));
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(inputTokens, outputTokens),
        };
    }

    /// <summary>A response asking for tool calls.</summary>
    public static ChatResponse ToolCalls(params FunctionCallContent[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, calls.Cast<AIContent>().ToList()))
        {
            FinishReason = ChatFinishReason.ToolCalls,
            Usage = Usage(10, 5),
        };

    /// <summary>A tool call with arguments given as name/value pairs.</summary>
    public static FunctionCallContent Call(string callId, string name, params (string Key, object? Value)[] arguments) =>
        new(callId, name, arguments.ToDictionary(a => a.Key, a => a.Value));

    /// <summary>Usage details.</summary>
    public static UsageDetails Usage(long input, long output) =>
        new() { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordPattern();
}
