using AgentHost.Core.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Conversations;

public sealed class ConversationWindowTests
{
    [Fact]
    public void EstimateTokens_ToolResultOfContentItems_CountsTextAndDataWithoutThrowing()
    {
        // An MCP tool's result reaches the loop as content items (text, an image); the window estimates it every cycle.
        var image = new DataContent(new byte[3000], "image/png");
        var small = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", new List<AIContent> { new TextContent("chart") })]);
        var large = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", new List<AIContent> { new TextContent("chart"), image })]);

        var smallTokens = ConversationWindow.EstimateTokens(small);
        var largeTokens = ConversationWindow.EstimateTokens(large);

        Assert.True(largeTokens >= smallTokens + 900, $"{smallTokens} vs {largeTokens}: the image's 4,000 base64 characters are not counted.");
    }

    [Fact]
    public void Trim_WithinBounds_ReturnsTheSameMessages()
    {
        var messages = Exchange(3);

        Assert.Same(messages, ConversationWindow.Trim(messages, messages.Count, 100, 100_000));
    }

    [Fact]
    public void Trim_OverMessageCount_DropsOldestAndStartsWithUserMessage()
    {
        var messages = Exchange(5); // 10 messages

        var window = ConversationWindow.Trim(messages, messages.Count, 5, 100_000);

        Assert.True(window.Count <= 5);
        Assert.Equal(ChatRole.User, window[0].Role);
        Assert.Equal(messages[^1], window[^1]);
    }

    [Fact]
    public void Trim_ToolCallAtTheCut_NeverSeparatesCallFromResult()
    {
        for (var max = 1; max <= 12; max++)
        {
            var messages = WithToolCalls();
            var window = ConversationWindow.Trim(messages, messages.Count, max, 100_000);

            var calls = window.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).Select(c => c.CallId).ToHashSet();
            var results = window.SelectMany(m => m.Contents.OfType<FunctionResultContent>()).Select(r => r.CallId).ToHashSet();
            Assert.Equal(calls, results);
            Assert.True(window.Count == 0 || ConversationWindow.IsPlainUserMessage(window[0]), $"max {max}: the window does not start with a plain user message");
        }
    }

    [Fact]
    public void Trim_OverTokenBudget_DropsOldestUntilItFits()
    {
        var messages = new List<ChatMessage>();
        for (var i = 0; i < 6; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, new string('q', 400)));
            messages.Add(new ChatMessage(ChatRole.Assistant, new string('a', 400)));
        }

        var window = ConversationWindow.Trim(messages, messages.Count, 100, 450);

        var tokens = window.Sum(ConversationWindow.EstimateTokens);
        Assert.True(tokens <= 450, $"{tokens} tokens");
        Assert.True(window.Count >= 2);
    }

    [Fact]
    public void Trim_ProtectedTail_IsKeptEvenOverBudget()
    {
        var messages = Exchange(4);

        var window = ConversationWindow.Trim(messages, 6, 1, 1);

        Assert.Equal(messages.Skip(6), window);
    }

    private static List<ChatMessage> Exchange(int turns)
    {
        var messages = new List<ChatMessage>();
        for (var i = 0; i < turns; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"q{i}"));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"a{i}"));
        }

        return messages;
    }

    private static List<ChatMessage> WithToolCalls()
    {
        var messages = new List<ChatMessage>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"q{i}"));
            messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"c{i}a", "t"), new FunctionCallContent($"c{i}b", "t")]));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent($"c{i}a", "r"), new FunctionResultContent($"c{i}b", "r")]));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"a{i}"));
        }

        return messages;
    }
}
