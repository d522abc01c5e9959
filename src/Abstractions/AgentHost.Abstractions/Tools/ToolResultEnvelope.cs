using System.Text.Json;

namespace AgentHost.Abstractions.Tools;

/// <summary>
/// The envelope the host's sanitisation puts around every tool result before the model sees it (data with provenance, never
/// instructions), and how observers read through it. Text:
/// <c>&lt;tool_result tool="..." call_id="..."&gt;</c>, a new line, the text, a new line, <c>&lt;/tool_result&gt;</c>.
/// JSON: <c>{"tool": ..., "call_id": ..., "data": ...}</c>. Whoever looks at a tool call's outcome after sanitisation (the
/// supervision feed, the offline model, test fakes) reads the data through <see cref="Unwrap"/>; the writer is
/// <c>AgentHost.Sanitization.Tools.ToolResultEnvelope</c>.
/// </summary>
public static class ToolResultEnvelope
{
    /// <summary>The element name of the text envelope.</summary>
    public const string TagName = "tool_result";

    /// <summary>The tag that closes a text envelope.</summary>
    public const string CloseTag = "</" + TagName + ">";

    /// <summary>How a text envelope's opening tag starts.</summary>
    public const string OpenTagStart = "<" + TagName + " ";

    /// <summary>The JSON envelope's member holding the tool's name.</summary>
    public const string ToolMember = "tool";

    /// <summary>The JSON envelope's member holding the call id.</summary>
    public const string CallIdMember = "call_id";

    /// <summary>The JSON envelope's member holding the data.</summary>
    public const string DataMember = "data";

    /// <summary>
    /// The data inside an enveloped result: the inner text of a text envelope (a <see cref="string"/>), the data of a JSON envelope
    /// (a <see cref="JsonElement"/>); any other value is returned as it is.
    /// </summary>
    public static object? Unwrap(object? result) => result switch
    {
        string text when TryUnwrapText(text, out var inner) => inner,
        JsonElement element when TryUnwrapJson(element, out var data) => data,
        _ => result,
    };

    /// <summary>The text inside a text envelope (trimmed); false, with <paramref name="inner"/> = <paramref name="text"/>, when it is not one.</summary>
    public static bool TryUnwrapText(string text, out string inner)
    {
        ArgumentNullException.ThrowIfNull(text);
        inner = text;
        var span = text.AsSpan().Trim();
        if (!span.StartsWith(OpenTagStart, StringComparison.Ordinal) || !span.EndsWith(CloseTag, StringComparison.Ordinal))
        {
            return false;
        }

        // The writer escapes '>' in the attributes, so the first '>' ends the opening tag.
        var start = span.IndexOf('>') + 1;
        var end = span.Length - CloseTag.Length;
        if (start <= 0 || start > end)
        {
            return false;
        }

        inner = span[start..end].Trim().ToString();
        return true;
    }

    /// <summary>The data of a JSON envelope (an object of exactly tool, call_id and data); false when <paramref name="element"/> is not one.</summary>
    public static bool TryUnwrapJson(JsonElement element, out JsonElement data)
    {
        data = element;
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty(DataMember, out var inner)
            || !element.TryGetProperty(ToolMember, out _)
            || !element.TryGetProperty(CallIdMember, out _))
        {
            return false;
        }

        var members = 0;
        foreach (var _ in element.EnumerateObject())
        {
            members++;
        }

        if (members != 3)
        {
            return false;
        }

        data = inner;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> may be a JSON object or array (its first non-white-space character opens one): a cheap
    /// test before parsing, so that plain text does not cost a thrown exception.
    /// </summary>
    public static bool MayBeJsonContainer(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }
}
