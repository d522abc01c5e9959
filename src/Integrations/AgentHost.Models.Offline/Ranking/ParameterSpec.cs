using System.Text.Json;

namespace AgentHost.Models.Offline.Ranking;

/// <summary>One property of a tool's input schema, reduced to what argument extraction needs.</summary>
internal sealed record ParameterSpec(
    string Name,
    string Type,
    string Description,
    string? Pattern,
    string? Format,
    IReadOnlyList<string> EnumValues,
    bool Required)
{
    public static List<ParameterSpec> Read(JsonElement schema)
    {
        List<ParameterSpec> parameters = [];
        if (schema.ValueKind != JsonValueKind.Object ||
            !schema.TryGetProperty("properties", out JsonElement properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return parameters;
        }

        HashSet<string> required = new(StringComparer.Ordinal);
        if (schema.TryGetProperty("required", out JsonElement r) && r.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement name in r.EnumerateArray())
            {
                required.Add(name.GetString() ?? string.Empty);
            }
        }

        foreach (JsonProperty property in properties.EnumerateObject())
        {
            JsonElement p = property.Value;
            parameters.Add(new ParameterSpec(
                property.Name,
                ReadType(p),
                Text(p, "description") ?? string.Empty,
                Text(p, "pattern"),
                Text(p, "format"),
                p.TryGetProperty("enum", out JsonElement e) && e.ValueKind == JsonValueKind.Array
                    ? [.. e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
                    : [],
                required.Contains(property.Name)));
        }

        return parameters;
    }

    private static string ReadType(JsonElement property)
    {
        if (!property.TryGetProperty("type", out JsonElement type))
        {
            return "string";
        }

        // "type": ["string", "null"] is common for optional values.
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not null and not "null") ?? "string"
            : type.GetString() ?? "string";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
