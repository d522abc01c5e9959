using System.Text.Json.Nodes;

namespace AgentHost.Models.OpenAI.Tests.Support;

/// <summary>Chat-completions response bodies as OpenAI-compatible servers send them.</summary>
internal static class Completions
{
    public static string Text(string text, int promptTokens = 11, int completionTokens = 4) => new JsonObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion",
        ["created"] = 1_733_000_000,
        ["model"] = "llama3.1",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(promptTokens, completionTokens),
    }.ToJsonString();

    public static string ToolCall(string id, string name, string argumentsJson) => new JsonObject
    {
        ["id"] = "chatcmpl-2",
        ["object"] = "chat.completion",
        ["created"] = 1_733_000_000,
        ["model"] = "llama3.1",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = id,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = name, ["arguments"] = argumentsJson },
                }),
            },
            ["finish_reason"] = "tool_calls",
        }),
        ["usage"] = Usage(20, 9),
    }.ToJsonString();

    /// <summary>A streamed text answer: a role chunk, one chunk per word, a finish chunk and a usage chunk.</summary>
    public static string[] StreamedText(string text)
    {
        var chunks = new List<string> { Chunk(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null) };
        foreach (var word in text.Split(' '))
        {
            chunks.Add(Chunk(new JsonObject { ["content"] = word + " " }, null));
        }

        chunks.Add(Chunk(new JsonObject(), "stop"));
        chunks.Add(UsageChunk(13, 6));
        return [.. chunks];
    }

    /// <summary>A streamed tool call whose arguments arrive in pieces.</summary>
    public static string[] StreamedToolCall(string id, string name, params string[] argumentPieces)
    {
        var chunks = new List<string>
        {
            Chunk(new JsonObject
            {
                ["role"] = "assistant",
                ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = string.Empty } }),
            }, null),
        };
        foreach (var piece in argumentPieces)
        {
            chunks.Add(Chunk(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } }) }, null));
        }

        chunks.Add(Chunk(new JsonObject(), "tool_calls"));
        chunks.Add(UsageChunk(21, 8));
        return [.. chunks];
    }

    public static string Error(string message, string type = "invalid_request_error") =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type } }.ToJsonString();

    private static string Chunk(JsonObject delta, string? finishReason) => new JsonObject
    {
        ["id"] = "chatcmpl-s",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_733_000_000,
        ["model"] = "llama3.1",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    }.ToJsonString();

    private static string UsageChunk(int prompt, int completion) => new JsonObject
    {
        ["id"] = "chatcmpl-s",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_733_000_000,
        ["model"] = "llama3.1",
        ["choices"] = new JsonArray(),
        ["usage"] = Usage(prompt, completion),
    }.ToJsonString();

    private static JsonObject Usage(int prompt, int completion) =>
        new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
}
