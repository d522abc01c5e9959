using System.Text.Json;
using AgentHost.DevGateway.Tests.Support;
using ModelContextProtocol.Protocol;

namespace AgentHost.DevGateway.Tests.Tools;

public sealed class ReadToolTests
{
    [Fact]
    public async Task GetInvestorProfile_KnownInvestor_ReturnsNameTierAndContactDetailsWithoutVerificationSecretsAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement profile = await fixture.CallOkAsync("crm___get_investor_profile", new { investorId = "LP-001" });

        Assert.Equal("Eleanor Whitfield", profile.GetProperty("name").GetString());
        Assert.Equal("Private", profile.GetProperty("tier").GetString());
        Assert.Equal("eleanor.whitfield@example.com", profile.GetProperty("email").GetString());
        Assert.False(profile.TryGetProperty("dateOfBirth", out _));
        Assert.False(profile.TryGetProperty("postcode", out _));
    }

    [Fact]
    public async Task GetPortfolio_KnownInvestor_TotalsEqualPositionsPlusCashAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement portfolio = await fixture.CallOkAsync("portfolio___get_portfolio", new { investorId = "LP-001" });
        JsonElement positions = await fixture.CallOkAsync("portfolio___get_positions", new { investorId = "LP-001" });

        decimal invested = positions.GetProperty("positions").EnumerateArray().Sum(p => p.GetProperty("marketValue").GetDecimal());
        Assert.Equal(invested, portfolio.GetProperty("investedValue").GetDecimal());
        Assert.Equal(invested + portfolio.GetProperty("cash").GetDecimal(), portfolio.GetProperty("totalValue").GetDecimal());
        Assert.Equal(positions.GetProperty("positions").GetArrayLength(), portfolio.GetProperty("holdings").GetInt32());
    }

    [Fact]
    public async Task GetPositions_FilteredByAssetClass_OnlyContainThatClassAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement positions = await fixture.CallOkAsync("portfolio___get_positions", new { investorId = "LP-001", assetClass = "fixed_income" });

        Assert.NotEqual(0, positions.GetProperty("positions").GetArrayLength());
        Assert.All(positions.GetProperty("positions").EnumerateArray(), p => Assert.Equal("fixed_income", p.GetProperty("assetClass").GetString()));
    }

    [Fact]
    public async Task GetTradeBlotter_KnownInvestor_ListsOnlyTheInvestorsTradesAndTradeStatusFindsOneAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement blotter = await fixture.CallOkAsync("trading___get_trade_blotter", new { investorId = "LP-002" });
        string tradeId = blotter.GetProperty("trades")[0].GetProperty("tradeId").GetString()!;
        JsonElement trade = await fixture.CallOkAsync("trading___get_trade_status", new { tradeId });

        Assert.All(blotter.GetProperty("trades").EnumerateArray(), t => Assert.Equal("LP-002", t.GetProperty("investorId").GetString()));
        Assert.Equal("LP-002", trade.GetProperty("investorId").GetString());
    }

    [Fact]
    public async Task VerifyIdentity_DateOfBirthAndPostcode_MatchesIgnoringSpacingAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement good = await fixture.CallOkAsync("crm___verify_identity", new { investorId = "LP-001", dateOfBirth = "1968-03-14", postcode = "SW1A1AA" });
        JsonElement bad = await fixture.CallOkAsync("crm___verify_identity", new { investorId = "LP-001", dateOfBirth = "1970-01-01", postcode = "SW1A 1AA" });

        Assert.True(good.GetProperty("verified").GetBoolean());
        Assert.False(bad.GetProperty("verified").GetBoolean());
        Assert.Equal("mismatch", bad.GetProperty("dateOfBirthCheck").GetString());
    }

    [Fact]
    public async Task CheckTradeRestrictions_RestrictedSymbol_ReportsItAsNotAllowedAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement restricted = await fixture.CallOkAsync("compliance___check_trade_restrictions", new { investorId = "LP-002", symbol = "HSBA" });
        JsonElement allowed = await fixture.CallOkAsync("compliance___check_trade_restrictions", new { investorId = "LP-002", symbol = "AAPL" });

        Assert.False(restricted.GetProperty("allowed").GetBoolean());
        Assert.True(allowed.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task ToolCall_UnknownInvestor_IsReportedAsAToolErrorAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        CallToolResult result = await fixture.CallAsync("portfolio___get_portfolio", new { investorId = "LP-999" });

        Assert.True(result.IsError);
        Assert.Contains("LP-999", GatewayFixture.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCall_ArgumentViolatingTheSchemaPattern_IsReportedAsAToolErrorAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        CallToolResult result = await fixture.CallAsync("portfolio___get_portfolio", new { investorId = "001" });

        Assert.True(result.IsError);
        Assert.Contains("investorId", GatewayFixture.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCall_MissingRequiredArgumentAndBadEnum_AreReportedAsToolErrorsAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        CallToolResult missing = await fixture.CallAsync("cases___get_case");
        CallToolResult badEnum = await fixture.CallAsync("trading___get_trade_blotter", new { investorId = "LP-001", status = "lost" });

        Assert.True(missing.IsError);
        Assert.Contains("caseId", GatewayFixture.Text(missing), StringComparison.Ordinal);
        Assert.True(badEnum.IsError);
        Assert.Contains("settled", GatewayFixture.Text(badEnum), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCall_UnknownTool_IsReportedAsAToolErrorAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        CallToolResult result = await fixture.CallAsync("crm___delete_everything", new { investorId = "LP-001" });

        Assert.True(result.IsError);
    }
}
