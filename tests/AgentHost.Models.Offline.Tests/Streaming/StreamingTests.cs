using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Streaming;

public sealed class StreamingTests
{
    [Fact]
    public async Task GetStreamingResponseAsync_TextAnswer_ArrivesWordByWordAndEqualsTheNonStreamedAnswerAsync()
    {
        using OfflineChatClient client = new();
        List<ChatMessage> messages = [new(ChatRole.User, "hello")];

        List<ChatResponseUpdate> updates = await Collect(client.GetStreamingResponseAsync(messages, CatalogTools.Options(), TestContext.Current.CancellationToken));
        ChatResponse whole = await client.GetResponseAsync(messages, CatalogTools.Options(), TestContext.Current.CancellationToken);

        List<string> words = [.. updates.Select(u => u.Text).Where(t => t.Length > 0)];
        Assert.True(words.Count > 10);
        Assert.All(words, w => Assert.Single(w.Trim().Split(' ')));
        Assert.Equal(whole.Text, string.Concat(words));
        Assert.Equal(whole.Text, updates.ToChatResponse().Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_LastUpdate_CarriesFinishReasonAndUsageAsync()
    {
        using OfflineChatClient client = new();

        List<ChatResponseUpdate> updates = await Collect(client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "thanks")], CatalogTools.Options(), TestContext.Current.CancellationToken));

        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        UsageContent usage = Assert.Single(updates[^1].Contents.OfType<UsageContent>());
        Assert.True(usage.Details.OutputTokenCount > 0);
        Assert.All(updates, u => Assert.Equal(updates[0].ResponseId, u.ResponseId));
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCall_IsOneUpdateWithFinishReasonToolCallsAsync()
    {
        using OfflineChatClient client = new();

        List<ChatResponseUpdate> updates = await Collect(client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "What is the portfolio of investor LP-001?")], CatalogTools.Options(), TestContext.Current.CancellationToken));

        FunctionCallContent call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("portfolio___get_portfolio", call.Name);
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
        Assert.Equal(ChatFinishReason.ToolCalls, updates.ToChatResponse().FinishReason);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Cancelled_StopsWithOperationCancelledAsync()
    {
        using OfflineChatClient client = new();
        using CancellationTokenSource cancellation = new();
        int received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "help")], CatalogTools.Options(), cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(1, received);
    }

    private static async Task<List<ChatResponseUpdate>> Collect(IAsyncEnumerable<ChatResponseUpdate> stream)
    {
        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in stream)
        {
            updates.Add(update);
        }

        return updates;
    }
}
