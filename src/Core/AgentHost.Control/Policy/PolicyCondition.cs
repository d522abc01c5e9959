using System.Globalization;
using System.Text.Json;

namespace AgentHost.Control.Policy;

/// <summary>
/// A condition on one argument of the call, e.g. <c>amount &gt; 1000</c> or <c>currency in ["EUR", "USD"]</c>. The argument is
/// a member name, or a dotted path into nested objects (<c>payment.amount</c>). Numbers compare numerically (a string
/// holding a plain number counts as that number); strings compare ignoring case. A comparison with a missing argument or
/// a value of another type is false (for <c>!=</c> and <c>notIn</c>: true).
/// </summary>
public sealed class PolicyCondition
{
    /// <summary>Creates the condition.</summary>
    public PolicyCondition(string argument, ConditionOperator @operator, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(argument);
        Argument = argument;
        Operator = @operator;
        Value = value.ValueKind == JsonValueKind.Undefined ? default : value.Clone();
    }

    /// <summary>The argument name or dotted path.</summary>
    public string Argument { get; }

    /// <summary>The comparison.</summary>
    public ConditionOperator Operator { get; }

    /// <summary>The value compared with (a list for <c>in</c>/<c>notIn</c>; unused for <c>exists</c>/<c>notExists</c>).</summary>
    public JsonElement Value { get; }

    /// <summary>Whether the condition holds for <paramref name="arguments"/> (a JSON object).</summary>
    public bool IsSatisfied(JsonElement arguments)
    {
        var found = Find(arguments, Argument, out var actual) && actual.ValueKind != JsonValueKind.Null;
        return Operator switch
        {
            ConditionOperator.Exists => found,
            ConditionOperator.NotExists => !found,
            ConditionOperator.Equal => found && AreEqual(actual, Value),
            ConditionOperator.NotEqual => !found || !AreEqual(actual, Value),
            ConditionOperator.In => found && Value.ValueKind == JsonValueKind.Array && Value.EnumerateArray().Any(v => AreEqual(actual, v)),
            ConditionOperator.NotIn => !found || Value.ValueKind != JsonValueKind.Array || !Value.EnumerateArray().Any(v => AreEqual(actual, v)),
            ConditionOperator.Matches => found && actual.ValueKind == JsonValueKind.String && Value.ValueKind == JsonValueKind.String
                && new GlobPattern(Value.GetString()!).IsMatch(actual.GetString()!),
            _ => found && Compare(actual, Value) is { } order && Operator switch
            {
                ConditionOperator.GreaterThan => order > 0,
                ConditionOperator.GreaterOrEqual => order >= 0,
                ConditionOperator.LessThan => order < 0,
                _ => order <= 0,
            },
        };
    }

    /// <summary>The condition as text, e.g. <c>amount &gt; 1000</c>.</summary>
    public override string ToString() => Operator switch
    {
        ConditionOperator.Exists => $"{Argument} exists",
        ConditionOperator.NotExists => $"{Argument} does not exist",
        _ => $"{Argument} {OperatorText(Operator)} {Value.GetRawText()}",
    };

    /// <summary>The policy file's spelling of an operator.</summary>
    public static string OperatorText(ConditionOperator value) => value switch
    {
        ConditionOperator.Equal => "==",
        ConditionOperator.NotEqual => "!=",
        ConditionOperator.GreaterThan => ">",
        ConditionOperator.GreaterOrEqual => ">=",
        ConditionOperator.LessThan => "<",
        ConditionOperator.LessOrEqual => "<=",
        ConditionOperator.In => "in",
        ConditionOperator.NotIn => "notIn",
        ConditionOperator.Exists => "exists",
        ConditionOperator.NotExists => "notExists",
        _ => "matches",
    };

    private static bool Find(JsonElement arguments, string path, out JsonElement value)
    {
        value = arguments;
        foreach (var part in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreEqual(JsonElement actual, JsonElement expected)
    {
        if (AsNumber(expected) is { } number && expected.ValueKind == JsonValueKind.Number)
        {
            return AsNumber(actual) is { } value && value == number;
        }

        return (actual.ValueKind, expected.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => string.Equals(actual.GetString(), expected.GetString(), StringComparison.OrdinalIgnoreCase),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) => actual.ValueKind == expected.ValueKind,
            (JsonValueKind.String, JsonValueKind.True or JsonValueKind.False) => bool.TryParse(actual.GetString(), out var flag) && flag == (expected.ValueKind == JsonValueKind.True),
            _ => false,
        };
    }

    private static int? Compare(JsonElement actual, JsonElement expected) =>
        AsNumber(actual) is { } a && AsNumber(expected) is { } b ? a.CompareTo(b) : null;

    private static decimal? AsNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
        JsonValueKind.Number when value.TryGetDouble(out var large) && double.IsFinite(large) => large > (double)decimal.MaxValue ? decimal.MaxValue : large < (double)decimal.MinValue ? decimal.MinValue : (decimal)large,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
