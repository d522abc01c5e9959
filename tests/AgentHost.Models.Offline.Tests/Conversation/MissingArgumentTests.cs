using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Conversation;

public sealed class MissingArgumentTests
{
    [Fact]
    public async Task Portfolio_question_without_an_id_asks_for_the_investor_id_with_an_example()
    {
        ChatResponse response = await Chat.AskAsync("What is the portfolio of this investor?");

        Assert.Null(Chat.Call(response));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Contains("investor id", response.Text, StringComparison.Ordinal);
        Assert.Contains("LP-001", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_without_date_and_slot_asks_for_both_and_lists_the_slots()
    {
        ChatResponse response = await Chat.AskAsync("Book a callback for LP-005");

        Assert.Null(Chat.Call(response));
        Assert.Contains("date", response.Text, StringComparison.Ordinal);
        Assert.Contains("morning, afternoon or evening", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("investor id", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_request_asks_for_details_rather_than_escalating_on_a_guess()
    {
        ChatResponse response = await Chat.AskAsync("Can someone call me back tomorrow? LP-003");

        Assert.Null(Chat.Call(response));
        Assert.StartsWith("To book callback I need the date", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_to_the_question_completes_the_pending_request()
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
    public async Task Identity_details_given_in_a_follow_up_are_combined_with_the_id_from_the_first_turn()
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
    public async Task Investor_id_from_an_earlier_turn_is_reused_for_a_new_question()
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
    public async Task Without_conversation_context_earlier_ids_are_not_reused()
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
