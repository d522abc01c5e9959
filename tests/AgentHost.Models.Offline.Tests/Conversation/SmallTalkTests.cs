using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Conversation;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("Hi there!")]
    [InlineData("good morning")]
    public async Task Greeting_is_answered_without_tools_and_says_it_is_not_a_language_model(string prompt)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        Assert.Null(Chat.Call(response));
        Assert.Contains("not a language model", response.Text, StringComparison.Ordinal);
        Assert.Contains("LP-001", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("Thank you so much")]
    public async Task Thanks_is_acknowledged(string prompt)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        Assert.Null(Chat.Call(response));
        Assert.StartsWith("You're welcome", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("What can you do?")]
    public async Task Help_lists_the_tool_targets(string prompt)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        Assert.Null(Chat.Call(response));
        Assert.Contains("portfolio (get portfolio, get positions)", response.Text, StringComparison.Ordinal);
        Assert.Contains("cases (", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goodbye_is_answered_politely()
    {
        ChatResponse response = await Chat.AskAsync("bye");

        Assert.Contains("Goodbye", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_a_real_request_is_not_small_talk()
    {
        ChatResponse response = await Chat.AskAsync("help me see the portfolio of LP-001");

        Assert.Equal("portfolio___get_portfolio", Chat.RequireCall(response).Name);
    }

    [Fact]
    public async Task Empty_conversation_gets_an_offer_of_help()
    {
        ChatResponse response = await Chat.AskAsync([]);

        Assert.StartsWith("How can I help?", response.Text, StringComparison.Ordinal);
    }
}
