using System.Text.Json;
using AgentHost.Core.Tools;

namespace AgentHost.Core.Tests.Tools;

public sealed class ToolResultsTests
{
    [Fact]
    public void ToJson_ModelAndCodeBuiltArguments_WritesOneObjectInOrder()
    {
        using var model = JsonDocument.Parse("""{"customerId":"C-1042","filter":{"since":2017}}""");
        var arguments = new Dictionary<string, object?>
        {
            ["customerId"] = model.RootElement.GetProperty("customerId").Clone(),
            ["filter"] = model.RootElement.GetProperty("filter").Clone(),
            ["note"] = "say \"hi\"",
            ["limit"] = 3,
            ["fields"] = new[] { "tier", "status" },
            ["missing"] = null,
        };

        var json = ToolResults.ToJson(arguments);

        Assert.Equal(
            """{"customerId":"C-1042","filter":{"since":2017},"note":"say \u0022hi\u0022","limit":3,"fields":["tier","status"],"missing":null}""",
            json.GetRawText());
    }

    [Fact]
    public void ToJson_NoArguments_IsAnEmptyObject()
    {
        Assert.Equal("{}", ToolResults.ToJson(null).GetRawText());
        Assert.Equal("{}", ToolResults.ToJson(new Dictionary<string, object?>()).GetRawText());
    }
}
