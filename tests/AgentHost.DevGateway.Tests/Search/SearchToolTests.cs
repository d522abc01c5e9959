using System.Text.Json;
using AgentHost.DevGateway.Tests.Support;

namespace AgentHost.DevGateway.Tests.Search;

public sealed class SearchToolTests
{
    [Theory]
    [InlineData("show me the holdings in a client's portfolio", "portfolio___get_positions")]
    [InlineData("open a support ticket for a complaint", "cases___create_case")]
    [InlineData("transfer the caller to a human agent", "escalation___escalate_to_human")]
    [InlineData("anti-money-laundering KYC review", "compliance___run_kyc_check")]
    [InlineData("send an SMS text message to the investor", "notifications___send_notification")]
    public async Task SearchTool_QueryForATool_ReturnsTheRelevantToolAmongTheFirstThreeAsync(string query, string expected)
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement result = await fixture.CallOkAsync(DevGatewayCatalog.SearchToolName, new { query });

        List<string> names = result.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.Contains(expected, names.Take(3));
    }

    [Fact]
    public async Task SearchTool_MatchingQuery_ResultsAreToolDefinitionsWithNameDescriptionAndInputSchemaAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement result = await fixture.CallOkAsync(DevGatewayCatalog.SearchToolName, new { query = "trade blotter" });

        JsonElement first = result.GetProperty("tools")[0];
        Assert.Equal("trading___get_trade_blotter", first.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("description").GetString()));
        Assert.Equal("object", first.GetProperty("inputSchema").GetProperty("type").GetString());
        Assert.True(result.GetProperty("tools").GetArrayLength() <= 10);
    }

    [Fact]
    public async Task SearchTool_UnrelatedWords_ReturnsNoToolsAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement result = await fixture.CallOkAsync(DevGatewayCatalog.SearchToolName, new { query = "zebra xylophone" });

        Assert.Equal(0, result.GetProperty("tools").GetArrayLength());
    }

    [Fact]
    public async Task SearchTool_QueryDescribingTheSearchTool_NeverReturnsTheSearchToolItselfAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement result = await fixture.CallOkAsync(DevGatewayCatalog.SearchToolName, new { query = "special tool that returns a trimmed down list of tools given a context" });

        Assert.DoesNotContain(result.GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == DevGatewayCatalog.SearchToolName);
    }

    [Fact]
    public async Task SearchTool_ToolFoundBySearch_IsCallableInTheSameSessionAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement result = await fixture.CallOkAsync(DevGatewayCatalog.SearchToolName, new { query = "cash account balance" });
        string name = result.GetProperty("tools")[0].GetProperty("name").GetString()!;
        JsonElement balance = await fixture.CallOkAsync(name, new { investorId = "LP-001" });

        Assert.Equal("accounts___get_account_balance", name);
        Assert.Equal("GBP", balance.GetProperty("currency").GetString());
    }
}
