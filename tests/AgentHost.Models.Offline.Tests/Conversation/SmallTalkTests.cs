using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Conversation;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("Hi there!")]
    [InlineData("good morning")]
    public async Task GetResponseAsync_Greeting_IsAnsweredWithoutToolsAndSaysItIsNotALanguageModelAsync(string prompt)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        Assert.Null(Chat.Call(response));
        Assert.Contains("not a language model", response.Text, StringComparison.Ordinal);
        Assert.Contains("LP-001", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("Thank you so much")]
    public async Task GetResponseAsync_Thanks_IsAcknowledgedAsync(string prompt)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        Assert.Null(Chat.Call(response));
        Assert.StartsWith("You're welcome", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("What can you do?")]
    public async Task GetResponseAsync_Help_ListsTheToolTargetsAsync(string prompt)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        Assert.Null(Chat.Call(response));
        Assert.Contains("portfolio (get portfolio, get positions)", response.Text, StringComparison.Ordinal);
        Assert.Contains("cases (", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Goodbye_IsAnsweredPolitelyAsync()
    {
        ChatResponse response = await Chat.AskAsync("bye");

        Assert.Contains("Goodbye", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_HelpWithARealRequest_IsNotSmallTalkAsync()
    {
        ChatResponse response = await Chat.AskAsync("help me see the portfolio of LP-001");

        Assert.Equal("portfolio___get_portfolio", Chat.RequireCall(response).Name);
    }

    [Fact]
    public async Task GetResponseAsync_EmptyConversation_GetsAnOfferOfHelpAsync()
    {
        ChatResponse response = await Chat.AskAsync([]);

        Assert.StartsWith("How can I help?", response.Text, StringComparison.Ordinal);
    }
}
