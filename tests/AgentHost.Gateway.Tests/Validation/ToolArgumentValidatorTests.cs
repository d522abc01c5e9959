using System.Text.Json;
using AgentHost.Gateway.Validation;

namespace AgentHost.Gateway.Tests.Validation;

public sealed class ToolArgumentValidatorTests
{
    private const string Schema = """
        {"type":"object","additionalProperties":false,"required":["customerId","address"],
         "properties":{
           "customerId":{"type":"string","minLength":6,"maxLength":6},
           "priority":{"type":"string","enum":["low","high"]},
           "count":{"type":"integer","minimum":1,"maximum":10},
           "ratio":{"type":"number","exclusiveMaximum":1},
           "email":{"type":"string","format":"email"},
           "address":{"type":"object","required":["zip"],"properties":{"zip":{"type":"string","pattern":"^[0-9]{5}$"}}},
           "tags":{"type":"array","maxItems":2,"items":{"type":"string"}},
           "note":{"type":["string","null"]}}}
        """;

    private static IReadOnlyList<string> Validate(string arguments) =>
        ToolArgumentValidator.Validate(JsonDocument.Parse(Schema).RootElement, JsonDocument.Parse(arguments).RootElement);

    [Fact]
    public void Validate_ValidArguments_ReportsNoErrors() =>
        Assert.Empty(Validate("""{"customerId":"C-1042","priority":"low","count":3,"ratio":0.5,"email":"a@example.com","address":{"zip":"12345"},"tags":["x"],"note":null}"""));

    [Theory]
    [InlineData("""{"address":{"zip":"12345"}}""", "customerId: is required.")]
    [InlineData("""{"customerId":1042,"address":{"zip":"12345"}}""", "customerId: expected string but got integer.")]
    [InlineData("""{"customerId":"C-10","address":{"zip":"12345"}}""", "customerId: must be at least 6 characters long.")]
    [InlineData("""{"customerId":"C-1042","address":{}}""", "address.zip: is required.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"1234"}}""", "address.zip: does not match the pattern ^[0-9]{5}$.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"priority":"urgent"}""", "priority: must be one of \"low\", \"high\".")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"count":2.5}""", "count: expected integer but got number.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"count":11}""", "count: must be at most 10.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"ratio":1}""", "ratio: must be less than 1.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"email":"not-an-email"}""", "email: is not a valid email.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"tags":["a",2]}""", "tags[1]: expected string but got integer.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"tags":["a","b","c"]}""", "tags: must have at most 2 items.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"extra":true}""", "extra: is not an allowed property.")]
    [InlineData("""{"customerId":"C-1042","address":{"zip":"12345"},"note":5}""", "note: expected string or null but got integer.")]
    public void Validate_InvalidArguments_ReportsTheFieldAndTheRule(string arguments, string expected) =>
        Assert.Contains(expected, Validate(arguments));

    [Fact]
    public void Validate_InvalidSecretValues_ErrorMessagesNeverContainTheArgumentValues()
    {
        var errors = Validate("""{"customerId":"SECRET-PII-VALUE","address":{"zip":"SECRET-ZIP"},"priority":"SECRET-PRIORITY"}""");

        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ArgumentsThatAreNotAnObject_AreRejected() =>
        Assert.Contains("arguments: expected object but got array.", Validate("[1]"));
}
