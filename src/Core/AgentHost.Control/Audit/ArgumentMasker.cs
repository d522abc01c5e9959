using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentHost.Control.Audit;

/// <summary>
/// Masked summaries for audit records: argument names with numbers and booleans as given (amounts, counts, flags) and
/// every string replaced by its length, so no name, address, account number or secret reaches the audit trail.
/// </summary>
public static class ArgumentMasker
{
    private const int MaxLength = 400;

    /// <summary>Summarises an arguments object, e.g. <c>amount=2500, currency=***(3), note=***(42)</c>.</summary>
    public static string Summarize(JsonElement arguments)
    {
        var text = new StringBuilder();
        if (arguments.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in arguments.EnumerateObject())
            {
                if (text.Length > 0)
                {
                    text.Append(", ");
                }

                text.Append(member.Name).Append('=');
                AppendValue(text, member.Value);
                if (text.Length > MaxLength)
                {
                    return text.ToString(0, MaxLength) + "…";
                }
            }
        }
        else
        {
            AppendValue(text, arguments);
        }

        return text.ToString();
    }

    /// <summary>Summarises a result text by its size only, e.g. <c>result: 512 characters</c>.</summary>
    public static string SummarizeResult(string? result) =>
        result is null ? "no result" : string.Create(CultureInfo.InvariantCulture, $"result: {result.Length} characters");

    private static void AppendValue(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                text.Append(value.GetRawText());
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Null:
                text.Append(value.GetRawText());
                break;
            case JsonValueKind.String:
                text.Append(CultureInfo.InvariantCulture, $"***({value.GetString()!.Length})");
                break;
            case JsonValueKind.Array:
                text.Append(CultureInfo.InvariantCulture, $"[{value.GetArrayLength()} items]");
                break;
            case JsonValueKind.Object:
                text.Append(CultureInfo.InvariantCulture, $"{{{value.EnumerateObject().Count()} fields}}");
                break;
            default:
                text.Append('?');
                break;
        }
    }
}
