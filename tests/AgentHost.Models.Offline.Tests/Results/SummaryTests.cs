using System.Text.Json;
using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Results;

public sealed class SummaryTests
{
    private const string Portfolio = """
        {"investorId":"LP-001","name":"Eleanor Whitfield","currency":"GBP","totalValue":198031.23,"holdings":2,
         "allocation":[{"assetClass":"equity","value":155744.24,"weightPercent":78.6},{"assetClass":"fixed_income","value":42067.5,"weightPercent":21.2}]}
        """;

    [Fact]
    public async Task GetResponseAsync_JsonResult_IsSummarisedAsReadableLinesAndFinishesWithStopAsync()
    {
        ChatResponse response = await Chat.AskAsync(AfterCall("portfolio___get_portfolio", Portfolio));

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Null(Chat.Call(response));
        Assert.StartsWith("Here is the portfolio for LP-001:", response.Text, StringComparison.Ordinal);
        Assert.Contains("- Name: Eleanor Whitfield", response.Text, StringComparison.Ordinal);
        Assert.Contains("- Total value: 198,031.23", response.Text, StringComparison.Ordinal);
        Assert.Contains("- Allocation (2):", response.Text, StringComparison.Ordinal);
        Assert.Contains("1. asset class equity; value 155,744.24; weight percent 78.60", response.Text, StringComparison.Ordinal);
        Assert.Contains("asset class fixed income", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_McpCallToolResult_UsesItsStructuredContentAsync()
    {
        string mcp = $$"""{"content":[{"type":"text","text":"ignored"}],"structuredContent":{{Portfolio}},"isError":false}""";

        ChatResponse response = await Chat.AskAsync(AfterCall("portfolio___get_portfolio", JsonDocument.Parse(mcp).RootElement));

        Assert.Contains("- Name: Eleanor Whitfield", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ContentStringWithStructuredContent_UsesTheStructuredPartAsync()
    {
        string converted = $$"""{"content":"Portfolio loaded.","structuredContent":{{Portfolio}}}""";

        ChatResponse response = await Chat.AskAsync(AfterCall("portfolio___get_portfolio", JsonDocument.Parse(converted).RootElement));

        Assert.Contains("- Name: Eleanor Whitfield", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_McpErrorResult_IsReportedPlainlyAsync()
    {
        const string Error = """{"content":[{"type":"text","text":"No investor with id LP-999 was found."}],"isError":true}""";

        ChatResponse response = await Chat.AskAsync(AfterCall("portfolio___get_portfolio", Error, "LP-999"));

        Assert.Equal("Sorry, I couldn't get portfolio: No investor with id LP-999 was found.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_ToolException_IsReportedPlainlyAsync()
    {
        List<ChatMessage> messages = AfterCall("cases___get_case", null);
        ((FunctionResultContent)messages[^1].Contents[0]).Exception = new InvalidOperationException("The gateway timed out.");

        ChatResponse response = await Chat.AskAsync(messages);

        Assert.Equal("Sorry, I couldn't get case: The gateway timed out.", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_WriteToolResult_IsAnnouncedInThePastTenseAsync()
    {
        ChatResponse response = await Chat.AskAsync(AfterCall("cases___create_case", """{"caseId":"C-1049","status":"open","notes":[]}"""));

        Assert.StartsWith("I created the case for LP-001:", response.Text, StringComparison.Ordinal);
        Assert.Contains("- Case id: C-1049", response.Text, StringComparison.Ordinal);
        Assert.Contains("- Notes: none", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_LongList_IsCutWithACountOfTheRestAsync()
    {
        string trades = "{\"trades\":[" + string.Join(',', Enumerable.Range(1, 13).Select(i => $"{{\"tradeId\":\"T-{10000 + i}\",\"verified\":true}}")) + "]}";

        ChatResponse response = await Chat.AskAsync(AfterCall("trading___get_trade_blotter", trades), clientOptions: new OfflineChatClientOptions { MaxListItems = 5 });

        Assert.Contains("- Trades (13):", response.Text, StringComparison.Ordinal);
        Assert.Contains("5. trade id T-10005; verified yes", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("T-10006", response.Text, StringComparison.Ordinal);
        Assert.Contains("...and 8 more", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ListItems_LeaveOutValuesRepeatedFromTheTopLevelAsync()
    {
        const string Blotter = """{"investorId":"LP-002","trades":[{"tradeId":"T-10006","investorId":"LP-002","symbol":"AAPL","status":"pending"}]}""";

        ChatResponse response = await Chat.AskAsync(AfterCall("trading___get_trade_blotter", Blotter, "LP-002"));

        Assert.Contains("  1. trade id T-10006; symbol AAPL; status pending", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_FailedIdentityCheck_IsNotAnnouncedAsVerifiedAsync()
    {
        ChatResponse response = await Chat.AskAsync(AfterCall("crm___verify_identity", """{"verified":false}"""));

        Assert.StartsWith("I checked the identity for LP-001:\n- Verified: no", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_PlainTextResult_IsPassedOnAsync()
    {
        ChatResponse response = await Chat.AskAsync(AfterCall("escalation___escalate_to_human", "A supervisor will join shortly."));

        Assert.Equal("I escalated this to a human for LP-001: A supervisor will join shortly.", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_SeveralResultsInOneTurn_AreAllSummarisedAsync()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "profile and balance of LP-001"),
            new(ChatRole.Assistant, [
                new FunctionCallContent("a", "crm___get_investor_profile", new Dictionary<string, object?> { ["investorId"] = "LP-001" }),
                new FunctionCallContent("b", "accounts___get_account_balance", new Dictionary<string, object?> { ["investorId"] = "LP-001" })]),
            new(ChatRole.Tool, [new FunctionResultContent("a", """{"name":"Eleanor Whitfield"}"""), new FunctionResultContent("b", """{"availableCash":8000.5}""")]),
        ];

        ChatResponse response = await Chat.AskAsync(messages);

        Assert.Contains("Here is the investor profile for LP-001:\n- Name: Eleanor Whitfield", response.Text, StringComparison.Ordinal);
        Assert.Contains("Here is the account balance for LP-001:\n- Available cash: 8,000.50", response.Text, StringComparison.Ordinal);
    }

    private static List<ChatMessage> AfterCall(string tool, object? result, string investorId = "LP-001") =>
    [
        new(ChatRole.User, "question about " + investorId),
        new(ChatRole.Assistant, [new FunctionCallContent("call-1", tool, new Dictionary<string, object?> { ["investorId"] = investorId })]),
        new(ChatRole.Tool, [new FunctionResultContent("call-1", result)]),
    ];
}
