using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentHost.Sanitization.Tools;

/// <summary>
/// Wraps a tool result as data with provenance (the format of <see cref="Abstractions.Tools.ToolResultEnvelope"/>, which reads it). Text:
/// <c>&lt;tool_result tool="crm___get_case" call_id="tooluse_1"&gt;</c>, a new line, the text unchanged, a new line,
/// <c>&lt;/tool_result&gt;</c>. JSON: <c>{"tool":"crm___get_case","call_id":"tooluse_1","data":</c> the value unchanged
/// <c>}</c>. Tags in the text that would open or close an envelope are removed before wrapping, so data cannot end it early.
/// </summary>
public static partial class ToolResultEnvelopeWriter
{
    /// <summary>The element name of the text envelope.</summary>
    public const string TagName = Abstractions.Tools.ToolResultEnvelope.TagName;

    /// <summary>The tag that closes a text envelope.</summary>
    public const string CloseTag = Abstractions.Tools.ToolResultEnvelope.CloseTag;

    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("\"<>&\r\n");

    /// <summary>Wraps text.</summary>
    public static string WrapText(string text, string toolName, string callId)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + toolName.Length + callId.Length + 64);
        AppendOpenTag(builder, toolName, callId).Append(text);
        if (text.Length > 0 && text[^1] != '\n')
        {
            builder.Append('\n');
        }

        return builder.Append(CloseTag).ToString();
    }

    /// <summary>The tag that opens a text envelope, with its new line.</summary>
    public static string OpenTag(string toolName, string callId) => AppendOpenTag(new StringBuilder(), toolName, callId).ToString();

    private static StringBuilder AppendOpenTag(StringBuilder builder, string toolName, string callId)
    {
        builder.Append('<').Append(TagName).Append(" tool=\"");
        AppendAttribute(builder, toolName);
        builder.Append("\" call_id=\"");
        AppendAttribute(builder, callId);
        return builder.Append("\">\n");
    }

    /// <summary>Wraps a JSON value (its raw text, written as it is).</summary>
    public static JsonElement WrapJson(string rawJson, string toolName, string callId)
    {
        var buffer = new ArrayBufferWriter<byte>(rawJson.Length + toolName.Length + callId.Length + 48);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(Abstractions.Tools.ToolResultEnvelope.ToolMember, toolName);
            writer.WriteString(Abstractions.Tools.ToolResultEnvelope.CallIdMember, callId);
            writer.WritePropertyName(Abstractions.Tools.ToolResultEnvelope.DataMember);
            writer.WriteRawValue(rawJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Replaces every tag that opens or closes an envelope (<c>&lt;/tool_result&gt;</c>, <c>&lt;tool_result ...&gt;</c>) by
    /// <paramref name="placeholder"/>; returns the same instance when there is none.
    /// </summary>
    /// <param name="text">The text to wrap.</param>
    /// <param name="placeholder">The injection placeholder.</param>
    /// <param name="removed">How many tags were removed.</param>
    public static string RemoveEnvelopeTags(string text, string placeholder, out int removed)
    {
        removed = 0;
        if (!text.Contains(TagName, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var count = 0;
        var result = EnvelopeTag().Replace(text, _ =>
        {
            count++;
            return placeholder;
        });
        removed = count;
        return result;
    }

    private static void AppendAttribute(StringBuilder builder, string value)
    {
        if (value.AsSpan().IndexOfAny(AttributeSpecials) < 0)
        {
            builder.Append(value);
            return;
        }

        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "&quot;",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }
    }

    [GeneratedRegex(@"<\s*/?\s*tool_result\b[^<>\n]{0,256}>?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvelopeTag();
}
