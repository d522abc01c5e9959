using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentHost.DevGateway.Tools;

/// <summary>
/// Checks arguments against the subset of JSON Schema the catalog uses: required, type, enum, pattern,
/// format (date, email), minLength/maxLength and additionalProperties=false.
/// </summary>
internal static class SchemaValidator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Returns the problems found, empty when the arguments are valid.</summary>
    public static List<string> Validate(JsonElement schema, IReadOnlyDictionary<string, JsonElement> arguments)
    {
        List<string> problems = [];
        JsonElement properties = schema.TryGetProperty("properties", out JsonElement p) ? p : default;

        if (schema.TryGetProperty("required", out JsonElement required))
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                string key = name.GetString() ?? string.Empty;
                if (!arguments.TryGetValue(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null ||
                    (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
                {
                    problems.Add($"The argument '{key}' is required.");
                }
            }
        }

        bool closed = schema.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.False;
        foreach ((string key, JsonElement value) in arguments)
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(key, out JsonElement property))
            {
                if (closed)
                {
                    problems.Add($"The argument '{key}' is not accepted by this tool.");
                }

                continue;
            }

            if (value.ValueKind != JsonValueKind.Null)
            {
                CheckValue(key, property, value, problems);
            }
        }

        return problems;
    }

    private static void CheckValue(string key, JsonElement property, JsonElement value, List<string> problems)
    {
        string type = property.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? "string" : "string";
        if (type == "string")
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"The argument '{key}' must be a string.");
                return;
            }

            CheckString(key, property, value.GetString() ?? string.Empty, problems);
        }
        else if ((type == "number" || type == "integer") && value.ValueKind != JsonValueKind.Number)
        {
            problems.Add($"The argument '{key}' must be a number.");
        }
    }

    private static void CheckString(string key, JsonElement property, string text, List<string> problems)
    {
        if (property.TryGetProperty("enum", out JsonElement allowed) &&
            !allowed.EnumerateArray().Any(a => string.Equals(a.GetString(), text, StringComparison.Ordinal)))
        {
            problems.Add($"The argument '{key}' must be one of: {string.Join(", ", allowed.EnumerateArray().Select(a => a.GetString()))}.");
        }

        if (property.TryGetProperty("pattern", out JsonElement pattern) &&
            !Regex.IsMatch(text, pattern.GetString() ?? ".*", RegexOptions.CultureInvariant, RegexTimeout))
        {
            string example = property.TryGetProperty("description", out JsonElement d) ? $" ({d.GetString()})" : string.Empty;
            problems.Add($"The argument '{key}' has an invalid format: '{text}'{example}.");
        }

        if (property.TryGetProperty("format", out JsonElement format))
        {
            string f = format.GetString() ?? string.Empty;
            if (f == "date" && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"The argument '{key}' must be a date as YYYY-MM-DD, not '{text}'.");
            }
            else if (f == "email" && !Regex.IsMatch(text, @"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, RegexTimeout))
            {
                problems.Add($"The argument '{key}' must be an email address.");
            }
        }

        if (property.TryGetProperty("minLength", out JsonElement min) && text.Length < min.GetInt32())
        {
            problems.Add($"The argument '{key}' must have at least {min.GetInt32()} characters.");
        }

        if (property.TryGetProperty("maxLength", out JsonElement max) && text.Length > max.GetInt32())
        {
            problems.Add($"The argument '{key}' must have at most {max.GetInt32()} characters.");
        }
    }
}
