using System.Text.Json;

namespace AgentHost.DevGateway.Tests.Catalog;

public sealed class CatalogTests
{
    [Fact]
    public void Catalog_Tools_AreAtLeast18UniqueNamesOfTheFormTargetTripleUnderscoreToolAcrossSeveralTargets()
    {
        Assert.True(DevGatewayCatalog.Tools.Count >= 18);
        Assert.All(DevGatewayCatalog.Tools, t => Assert.Matches("^[a-zA-Z0-9_-]+___[a-zA-Z0-9_-]+$", t.Name));
        Assert.True(DevGatewayCatalog.Tools.Select(t => t.Target).Distinct().Count() >= 8);
        Assert.Equal(DevGatewayCatalog.Tools.Count, DevGatewayCatalog.Tools.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void Catalog_EveryTool_HasAnObjectSchemaWhoseRequiredFieldsAreDeclared()
    {
        foreach (DevGatewayToolDefinition tool in DevGatewayCatalog.AllTools)
        {
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
            JsonElement properties = tool.InputSchema.GetProperty("properties");
            foreach (JsonElement required in tool.InputSchema.GetProperty("required").EnumerateArray())
            {
                Assert.True(properties.TryGetProperty(required.GetString()!, out _), $"{tool.Name} requires undeclared {required}");
            }

            Assert.True(tool.Description.Length > 30, $"{tool.Name} needs a real description");
            Assert.True(tool.Name.Length <= 64, $"{tool.Name} is longer than Bedrock's 64 characters");
        }
    }

    [Fact]
    public void Catalog_SchemaPatterns_AcceptTheSampleIdsTheyDocument()
    {
        string investorPattern = DevGatewayCatalog.Tools.Single(t => t.Name == "portfolio___get_portfolio")
            .InputSchema.GetProperty("properties").GetProperty("investorId").GetProperty("pattern").GetString()!;
        Assert.Matches(investorPattern, "LP-001");
        Assert.DoesNotMatch(investorPattern, "LP-1");
    }

    [Fact]
    public void Catalog_SearchToolDefinition_TakesARequiredQuery()
    {
        Assert.Equal("x_amz_bedrock_agentcore_search", DevGatewayCatalog.SearchTool.Name);
        Assert.Equal("query", DevGatewayCatalog.SearchTool.InputSchema.GetProperty("required")[0].GetString());
        Assert.Equal(string.Empty, DevGatewayCatalog.SearchTool.Target);
    }

    [Fact]
    public void ToolDefinition_CatalogToolName_SplitsIntoTargetAndToolName()
    {
        DevGatewayToolDefinition definition = DevGatewayCatalog.Tools.Single(t => t.Name == "cases___add_case_note");
        Assert.Equal("cases", definition.Target);
        Assert.Equal("add_case_note", definition.ToolName);
        Assert.DoesNotMatch("___", definition.ToolName);
    }
}
