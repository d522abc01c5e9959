using System.Text.Json;
using AgentHost.Abstractions.Tools;
using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Maps one Microsoft.Extensions.AI content item to a Converse content block, and back.</summary>
internal static class BedrockContentMapper
{
    private static readonly Dictionary<string, string> ImageFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "png", ["image/jpeg"] = "jpeg", ["image/jpg"] = "jpeg", ["image/gif"] = "gif", ["image/webp"] = "webp",
    };

    private static readonly Dictionary<string, string> DocumentFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "pdf", ["text/csv"] = "csv", ["application/msword"] = "doc",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "docx",
        ["application/vnd.ms-excel"] = "xls", ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "xlsx",
        ["text/html"] = "html", ["text/plain"] = "txt", ["text/markdown"] = "md",
    };

    /// <summary>Returns the block, or <see langword="null"/> when the content has no Converse equivalent.</summary>
    public static ContentBlock? ToBlock(AIContent content, ref int documentCounter) => content switch
    {
        TextContent text when !string.IsNullOrWhiteSpace(text.Text) => new ContentBlock { Text = text.Text },
        DataContent data when ImageFormats.TryGetValue(data.MediaType, out var imageFormat)
            => new ContentBlock { Image = new ImageBlock { Format = imageFormat, Source = new BytesSource { Bytes = data.Data.ToArray() } } },
        DataContent data when DocumentFormats.TryGetValue(data.MediaType, out var documentFormat)
            => new ContentBlock { Document = new DocumentBlock { Format = documentFormat, Name = DocumentName(data.Name, ++documentCounter), Source = new BytesSource { Bytes = data.Data.ToArray() } } },
        FunctionCallContent call => new ContentBlock { ToolUse = new ToolUseBlock { ToolUseId = call.CallId, Name = call.Name, Input = BedrockJsonValues.ArgumentsToElement(call.Arguments) } },
        FunctionResultContent result => new ContentBlock { ToolResult = ToToolResult(result) },
        TextReasoningContent reasoning when !string.IsNullOrEmpty(reasoning.ProtectedData)
            => new ContentBlock { ReasoningContent = new ReasoningContentBlock { ReasoningText = new ReasoningTextBlock { Text = reasoning.Text, Signature = reasoning.ProtectedData } } },
        _ => null,
    };

    /// <summary>Maps a response block to content, or <see langword="null"/> for blocks without an equivalent.</summary>
    public static AIContent? FromBlock(ContentBlock block)
    {
        if (block.Text is not null)
        {
            return new TextContent(block.Text) { RawRepresentation = block };
        }

        if (block.ToolUse is { } toolUse)
        {
            return new FunctionCallContent(toolUse.ToolUseId, toolUse.Name, BedrockJsonValues.ElementToArguments(toolUse.Input)) { RawRepresentation = block };
        }

        if (block.ReasoningContent?.ReasoningText is { } reasoning)
        {
            return new TextReasoningContent(reasoning.Text) { ProtectedData = reasoning.Signature, RawRepresentation = block };
        }

        return null;
    }

    private static ToolResultBlock ToToolResult(FunctionResultContent result)
    {
        var block = new ToolResultBlock { ToolUseId = result.CallId, Status = ToolResultStatus.IsError(result) ? "error" : null };
        switch (result.Result)
        {
            case null:
                block.Content.Add(new ToolResultContentBlock { Text = result.Exception is null ? "(no result)" : "Error: " + result.Exception.Message });
                break;
            case string text:
                block.Content.Add(new ToolResultContentBlock { Text = text.Length == 0 ? "(empty)" : text });
                break;
            case TextContent text:
                block.Content.Add(new ToolResultContentBlock { Text = text.Text });
                break;
            case IEnumerable<AIContent> contents:
                // A result with media (e.g. an MCP tool's text and image blocks): each item as Bedrock takes it in a tool result.
                var documents = 0;
                foreach (var item in contents)
                {
                    block.Content.Add(ToToolResultItem(item, ref documents));
                }

                if (block.Content.Count == 0)
                {
                    block.Content.Add(new ToolResultContentBlock { Text = "(empty)" });
                }

                break;
            default:
                var element = BedrockJsonValues.ToElement(result.Result);
                block.Content.Add(element.ValueKind == JsonValueKind.Object
                    ? new ToolResultContentBlock { Json = element }
                    : new ToolResultContentBlock { Text = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText() });
                break;
        }

        return block;
    }

    /// <summary>One item of a tool result: text, an image, a document, or (for anything else) a text description of it.</summary>
    private static ToolResultContentBlock ToToolResultItem(AIContent item, ref int documents) => item switch
    {
        TextContent text => new ToolResultContentBlock { Text = text.Text.Length == 0 ? "(empty)" : text.Text },
        DataContent data when ImageFormats.TryGetValue(data.MediaType, out var imageFormat)
            => new ToolResultContentBlock { Image = new ImageBlock { Format = imageFormat, Source = new BytesSource { Bytes = data.Data.ToArray() } } },
        DataContent data when DocumentFormats.TryGetValue(data.MediaType, out var documentFormat)
            => new ToolResultContentBlock { Document = new DocumentBlock { Format = documentFormat, Name = DocumentName(data.Name, ++documents), Source = new BytesSource { Bytes = data.Data.ToArray() } } },
        DataContent data => new ToolResultContentBlock { Text = $"[{data.MediaType} content of {data.Data.Length} bytes{(data.Name is null ? string.Empty : " named " + data.Name)}, not shown]" },
        UriContent uri => new ToolResultContentBlock { Text = uri.Uri.ToString() },
        _ => new ToolResultContentBlock { Text = $"[{item.GetType().Name}, not shown]" },
    };

    private static string DocumentName(string? name, int counter)
    {
        // Bedrock allows alphanumerics, single spaces, hyphens, parentheses and square brackets.
        var source = string.IsNullOrWhiteSpace(name) ? $"document {counter}" : Path.GetFileNameWithoutExtension(name);
        var chars = source.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '(' or ')' or '[' or ']' ? c : ' ').ToArray();
        var cleaned = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length == 0 ? $"document {counter}" : cleaned;
    }
}
