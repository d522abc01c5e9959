using System.Text.Json;

namespace AgentHost.Models.Offline.Replies;

/// <summary>
/// Reads through the envelope the host's sanitisation puts around tool results, as a language model would:
/// <c>&lt;tool_result tool="..." call_id="..."&gt;</c> text <c>&lt;/tool_result&gt;</c>, or
/// <c>{"tool": ..., "call_id": ..., "data": ...}</c>.
/// </summary>
internal static class ToolDataEnvelope
{
    private const string Open = "<tool_result ";
    private const string Close = "</tool_result>";

    /// <summary>The text inside a text envelope; false when <paramref name="text"/> (trimmed) is not one.</summary>
    public static bool TryUnwrap(string text, out string inner)
    {
        inner = text;
        if (!text.StartsWith(Open, StringComparison.Ordinal) || !text.EndsWith(Close, StringComparison.Ordinal))
        {
            return false;
        }

        var start = text.IndexOf('>', StringComparison.Ordinal) + 1;
        var end = text.Length - Close.Length;
        if (start <= 0 || start > end)
        {
            return false;
        }

        inner = text[start..end].Trim();
        return true;
    }

    /// <summary>The data of a JSON envelope; false when <paramref name="element"/> is not one.</summary>
    public static bool TryUnwrap(JsonElement element, out JsonElement data)
    {
        data = element;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("data", out var inner)
            || !element.TryGetProperty("tool", out _) || !element.TryGetProperty("call_id", out _) || element.EnumerateObject().Count() != 3)
        {
            return false;
        }

        data = inner;
        return true;
    }
}
