using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Conversation;

public sealed class MetadataTests
{
    [Fact]
    public void GetService_ChatClientMetadata_LabelsTheClientAsRuleBased()
    {
        using OfflineChatClient client = new();

        ChatClientMetadata metadata = Assert.IsType<ChatClientMetadata>(client.GetService(typeof(ChatClientMetadata)));

        Assert.Equal("offline-rules", metadata.ProviderName);
        Assert.Equal("offline-rules-v1", metadata.DefaultModelId);
        Assert.Null(metadata.ProviderUri);
        Assert.Same(client, client.GetService(typeof(OfflineChatClient)));
        Assert.Null(client.GetService(typeof(ChatClientMetadata), "key"));
    }

    [Fact]
    public async Task GetResponseAsync_ConfiguredModelId_ReportsModelIdAndApproximateUsageAsync()
    {
        const string Prompt = "What is the portfolio of investor LP-001?";

        ChatResponse response = await Chat.AskAsync(Prompt, clientOptions: new OfflineChatClientOptions { ModelId = "offline-test" });

        Assert.Equal("offline-test", response.ModelId);
        Assert.NotNull(response.Usage);
        Assert.Equal(Prompt.Length / 4, response.Usage.InputTokenCount);
        Assert.True(response.Usage.OutputTokenCount > 0);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task GetResponseAsync_SameConversation_GetsTheSameAnswerEveryTimeAsync()
    {
        ChatResponse first = await Chat.AskAsync("What can you do?");
        ChatResponse second = await Chat.AskAsync("What can you do?");

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.ResponseId, second.ResponseId);
    }
}
