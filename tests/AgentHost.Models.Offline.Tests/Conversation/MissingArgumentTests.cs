using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Conversation;

public sealed class MissingArgumentTests
{
    [Fact]
    public async Task GetResponseAsync_PortfolioQuestionWithoutAnId_AsksForTheInvestorIdWithAnExampleAsync()
    {
        ChatResponse response = await Chat.AskAsync("What is the portfolio of this investor?");

        Assert.Null(Chat.Call(response));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Contains("investor id", response.Text, StringComparison.Ordinal);
        Assert.Contains("LP-001", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_CallbackWithoutDateAndSlot_AsksForBothAndListsTheSlotsAsync()
    {
        ChatResponse response = await Chat.AskAsync("Book a callback for LP-005");

        Assert.Null(Chat.Call(response));
        Assert.Contains("date", response.Text, StringComparison.Ordinal);
        Assert.Contains("morning, afternoon or evening", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("investor id", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_CallbackRequest_AsksForDetailsRatherThanEscalatingOnAGuessAsync()
    {
        ChatResponse response = await Chat.AskAsync("Can someone call me back tomorrow? LP-003");

        Assert.Null(Chat.Call(response));
        Assert.StartsWith("To book callback I need the date", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_AnswerToTheQuestion_CompletesThePendingRequestAsync()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "What is the portfolio of this investor?"),
            new(ChatRole.Assistant, "To get portfolio I need the investor id (for example LP-001). Could you give me it?"),
            new(ChatRole.User, "LP-002"),
        ];

        ChatResponse response = await Chat.AskAsync(messages);

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal("portfolio___get_portfolio", call.Name);
        Assert.Equal("LP-002", call.Arguments!["investorId"]);
    }

    [Fact]
    public async Task GetResponseAsync_IdentityDetailsGivenInAFollowUp_CombinesThemWithTheIdFromTheFirstTurnAsync()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Please verify the identity of LP-001"),
            new(ChatRole.Assistant, "To verify identity I need the date of birth (a date such as 2026-12-01) and the postcode (for example SW1A 1AA). Could you give me them?"),
            new(ChatRole.User, "14/03/1968 and SW1A 1AA"),
        ];

        ChatResponse response = await Chat.AskAsync(messages);

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal("crm___verify_identity", call.Name);
        Assert.Equal("LP-001", call.Arguments!["investorId"]);
        Assert.Equal("1968-03-14", call.Arguments["dateOfBirth"]);
        Assert.Equal("SW1A 1AA", call.Arguments["postcode"]);
    }

    [Fact]
    public async Task GetResponseAsync_InvestorIdFromAnEarlierTurn_IsReusedForANewQuestionAsync()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "What is the portfolio of investor LP-004?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "portfolio___get_portfolio", new Dictionary<string, object?> { ["investorId"] = "LP-004" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", """{"investorId":"LP-004","totalValue":1000}""")]),
            new(ChatRole.Assistant, "Here is the portfolio for LP-004: total value 1,000."),
            new(ChatRole.User, "And the trade blotter?"),
        ];

        ChatResponse response = await Chat.AskAsync(messages);

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal("trading___get_trade_blotter", call.Name);
        Assert.Equal("LP-004", call.Arguments!["investorId"]);
    }

    [Fact]
    public async Task GetResponseAsync_WithoutConversationContext_DoesNotReuseEarlierIdsAsync()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "What is the portfolio of investor LP-004?"),
            new(ChatRole.Assistant, "Here is the portfolio for LP-004: total value 1,000."),
            new(ChatRole.User, "Show the trade blotter"),
        ];

        ChatResponse response = await Chat.AskAsync(messages, clientOptions: new OfflineChatClientOptions { UseConversationContext = false });

        Assert.Null(Chat.Call(response));
        Assert.Contains("investor id", response.Text, StringComparison.Ordinal);
    }
}
