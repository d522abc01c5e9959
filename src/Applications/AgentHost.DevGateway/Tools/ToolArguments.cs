using System.Globalization;
using System.Text.Json;

namespace AgentHost.DevGateway.Tools;

/// <summary>Typed access to a tool call's arguments, already validated against the tool's schema.</summary>
internal sealed class ToolArguments(IReadOnlyDictionary<string, JsonElement> values)
{
    public string Required(string name) =>
        Optional(name) ?? throw new ToolFailureException($"The argument '{name}' is required.");

    public string? Optional(string name)
    {
        if (!values.TryGetValue(name, out JsonElement value))
        {
            return null;
        }

        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public string Investor() => Required("investorId").ToUpperInvariant();

    public static string Today(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Now(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
