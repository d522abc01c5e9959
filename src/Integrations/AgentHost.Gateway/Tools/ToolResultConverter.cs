using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tools;

/// <summary>
/// Turns an MCP <see cref="CallToolResult"/> into the value an <see cref="AIFunction"/> returns:
/// text only: the text (blocks joined by a new line); structured content whose text blocks are the same JSON (or absent): the
/// structured <see cref="JsonElement"/>; structured content plus different text: an object <c>{"content": text, "structuredContent": ...}</c>;
/// any image, audio or binary resource: a list of <see cref="AIContent"/> (text and data items in order).
/// </summary>
internal static class ToolResultConverter
{
    public static object? Convert(CallToolResult result)
    {
        var text = new StringBuilder();
        var contents = new List<AIContent>();
        var hasMedia = false;
        foreach (var block in result.Content)
        {
            switch (block)
            {
                case TextContentBlock t:
                    Append(text, t.Text);
                    contents.Add(new TextContent(t.Text));
                    break;
                case EmbeddedResourceBlock { Resource: TextResourceContents r }:
                    Append(text, r.Text);
                    contents.Add(new TextContent(r.Text));
                    break;
                case ResourceLinkBlock link:
                    Append(text, link.Uri);
                    contents.Add(new TextContent(link.Uri));
                    break;
                default:
                    hasMedia = true;
                    if (block.ToAIContent() is { } content)
                    {
                        contents.Add(content);
                    }

                    break;
            }
        }

        if (hasMedia)
        {
            return contents;
        }

        if (result.StructuredContent is { } structuredNode)
        {
            var structured = structuredNode;
            if (text.Length == 0 || SameJson(text.ToString(), structured))
            {
                return structured;
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("content", text.ToString());
                writer.WritePropertyName("structuredContent");
                structured.WriteTo(writer);
                writer.WriteEndObject();
            }

            return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
        }

        return text.ToString();
    }

    /// <summary>The text of an error result, for the exception message.</summary>
    public static string ErrorText(CallToolResult result)
    {
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (block is TextContentBlock t)
            {
                Append(text, t.Text);
            }
        }

        return text.Length > 0 ? text.ToString() : "the tool reported an error without details";
    }

    private static void Append(StringBuilder builder, string text)
    {
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        builder.Append(text);
    }

    private static bool SameJson(string text, JsonElement structured)
    {
        try
        {
            using var parsed = JsonDocument.Parse(text);
            return JsonElement.DeepEquals(parsed.RootElement, structured);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
