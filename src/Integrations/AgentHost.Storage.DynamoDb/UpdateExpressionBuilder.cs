using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Builds a <c>SET</c> update expression with placeholder names and values for every attribute.</summary>
internal sealed class UpdateExpressionBuilder
{
    private readonly List<string> _clauses = [];

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AttributeValue> Values { get; } = new(StringComparer.Ordinal);

    public string Expression => "SET " + string.Join(", ", _clauses);

    public UpdateExpressionBuilder Set(string attribute, AttributeValue value)
    {
        var index = _clauses.Count.ToString(CultureInfo.InvariantCulture);
        Names["#u" + index] = attribute;
        Values[":u" + index] = value;
        _clauses.Add($"#u{index} = :u{index}");
        return this;
    }

    public UpdateExpressionBuilder SetIfNotNull(string attribute, string? value) =>
        value is null ? this : Set(attribute, AttributeValues.S(value));

    /// <summary>Adds a named placeholder for use in a condition expression.</summary>
    public UpdateExpressionBuilder Name(string placeholder, string attribute)
    {
        Names[placeholder] = attribute;
        return this;
    }

    /// <summary>Adds a value placeholder for use in a condition expression.</summary>
    public UpdateExpressionBuilder Value(string placeholder, AttributeValue value)
    {
        Values[placeholder] = value;
        return this;
    }
}
