using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentHost.Gateway.Validation;

/// <summary>
/// Validates tool arguments against the JSON Schema subset tool schemas use: <c>type</c> (single or list), <c>required</c>,
/// <c>properties</c>, <c>additionalProperties: false</c>, <c>enum</c>, <c>const</c>, <c>items</c>, <c>minLength</c>/<c>maxLength</c>,
/// <c>pattern</c>, <c>minimum</c>/<c>maximum</c>/<c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, <c>minItems</c>/<c>maxItems</c>,
/// <c>anyOf</c>/<c>oneOf</c> (at least one branch must match) and the string formats <c>date-time</c>, <c>date</c>, <c>email</c>,
/// <c>uri</c>, <c>uuid</c>. Unknown keywords are ignored (the gateway validates again).
/// </summary>
/// <remarks>Error messages name the field (e.g. <c>address.zip</c>, <c>items[2]</c>) and the rule, never the value (which may be PII).</remarks>
internal static class ToolArgumentValidator
{
    private const int MaxErrors = 10;

    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement arguments)
    {
        var errors = new List<string>();
        ValidateNode(schema, arguments, string.Empty, errors);
        return errors;
    }

    private static void ValidateNode(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object || errors.Count >= MaxErrors)
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{Name(path)}: expected {Describe(type)} but got {KindName(value)}.");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array &&
            !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            var options = string.Join(", ", allowed.EnumerateArray().Take(10).Select(a => a.GetRawText()));
            errors.Add($"{Name(path)}: must be one of {options}.");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{Name(path)}: must be {constant.GetRawText()}.");
        }

        ValidateAlternatives(schema, value, path, errors);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(schema, value, path, errors);
                break;
            case JsonValueKind.Array:
                ValidateArray(schema, value, path, errors);
                break;
            case JsonValueKind.String:
                ValidateString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                ValidateNumber(schema, value.GetDouble(), path, errors);
                break;
        }
    }

    private static void ValidateAlternatives(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array && branches.GetArrayLength() > 0 &&
                !branches.EnumerateArray().Any(b => Validate(b, value, path).Count == 0))
            {
                errors.Add($"{Name(path)}: does not match any of the allowed shapes.");
            }
        }
    }

    private static List<string> Validate(JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        ValidateNode(schema, value, path, errors);
        return errors;
    }

    private static void ValidateObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String && !value.TryGetProperty(name.GetString()!, out _))
                {
                    errors.Add($"{Join(path, name.GetString()!)}: is required.");
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                ValidateNode(propertySchema, property.Value, Join(path, property.Name), errors);
            }
            else if (closed)
            {
                errors.Add($"{Join(path, property.Name)}: is not an allowed property.");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                ValidateNode(additional, property.Value, Join(path, property.Name), errors);
            }
        }
    }

    private static void ValidateArray(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min) && count < min)
        {
            errors.Add($"{Name(path)}: must have at least {min} items.");
        }

        if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var max) && count > max)
        {
            errors.Add($"{Name(path)}: must have at most {max} items.");
        }

        if (schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                ValidateNode(items, item, $"{path}[{index++}]", errors);
            }
        }
    }

    private static void ValidateString(JsonElement schema, string text, string path, List<string> errors)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var min) && length < min)
        {
            errors.Add($"{Name(path)}: must be at least {min} characters long.");
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var max) && length > max)
        {
            errors.Add($"{Name(path)}: must be at most {max} characters long.");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String && !MatchesPattern(pattern.GetString()!, text))
        {
            errors.Add($"{Name(path)}: does not match the pattern {pattern.GetString()}.");
        }

        if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && !StringFormats.Matches(format.GetString()!, text))
        {
            errors.Add($"{Name(path)}: is not a valid {format.GetString()}.");
        }
    }

    private static void ValidateNumber(JsonElement schema, double number, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out var minimum) && minimum.TryGetDouble(out var min) && number < min)
        {
            errors.Add($"{Name(path)}: must be at least {minimum.GetRawText()}.");
        }

        if (schema.TryGetProperty("maximum", out var maximum) && maximum.TryGetDouble(out var max) && number > max)
        {
            errors.Add($"{Name(path)}: must be at most {maximum.GetRawText()}.");
        }

        if (schema.TryGetProperty("exclusiveMinimum", out var exclusiveMinimum) && exclusiveMinimum.TryGetDouble(out var emin) && number <= emin)
        {
            errors.Add($"{Name(path)}: must be greater than {exclusiveMinimum.GetRawText()}.");
        }

        if (schema.TryGetProperty("exclusiveMaximum", out var exclusiveMaximum) && exclusiveMaximum.TryGetDouble(out var emax) && number >= emax)
        {
            errors.Add($"{Name(path)}: must be less than {exclusiveMaximum.GetRawText()}.");
        }
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => MatchesType(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && MatchesType(t.GetString()!, value)),
        _ => true,
    };

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || (value.TryGetDouble(out var d) && Math.Abs(d % 1) == 0 && !double.IsInfinity(d));

    private static bool MatchesPattern(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string Describe(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => t.ToString()))
        : type.ToString();

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Name(string path) => path.Length == 0 ? "arguments" : path;
}
