using AgentHost.Sanitization.Replies;
using Microsoft.Extensions.AI;

namespace AgentHost.Sanitization.Tests.Replies;

/// <summary>The chat-client layer masks the model's text, streamed across any chunk boundaries or not, per channel.</summary>
public sealed class ReplyMaskingChatClientTests
{
    private const string Reply = "Your card 4111 1111 1111 1111 is blocked; SSN 123-45-6789 and CPF 529.982.247-25 are on file. Order 48213 ships.";
    private const string Masked = "Your card [CARD ••••1111] is blocked; SSN [SSN ••••6789] and CPF [CPF ••••4725] are on file. Order 48213 ships.";

    [Fact]
    public async Task GetStreamingResponseAsync_ReplySplitInThreeAtEveryPair_NoChunkCarriesAValueAndTheTextIsMaskedAsync()
    {
        for (var first = 1; first < Reply.Length; first += 3)
        {
            for (var second = first; second < Reply.Length; second += 5)
            {
                var client = Client(
                    ChunkedChatClient.Text(Reply[..first]),
                    ChunkedChatClient.Text(Reply[first..second]),
                    ChunkedChatClient.Text(Reply[second..]),
                    ChunkedChatClient.Finish());

                var texts = await StreamAsync(client);

                Assert.Equal(Masked, string.Concat(texts));
                Assert.All(texts, t => Assert.DoesNotContain("1111 1111", t, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OneCharacterPerChunk_EqualsMaskingTheWholeReplyAsync()
    {
        var client = Client([.. Reply.Select(c => ChunkedChatClient.Text(c.ToString())), ChunkedChatClient.Finish()]);

        Assert.Equal(Masked, string.Concat(await StreamAsync(client)));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamEndsWithoutFinishUpdate_HeldTextIsReleasedAtTheEndAsync()
    {
        var client = Client(ChunkedChatClient.Text("Card 4111 1111 "), ChunkedChatClient.Text("1111 1111"));

        var updates = await ToListAsync(client.GetStreamingResponseAsync([], null, TestContext.Current.CancellationToken));

        Assert.Equal("Card [CARD ••••1111]", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal("m1", updates[^1].MessageId);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCallAfterHeldText_TextIsReleasedBeforeTheCallAndArgumentsAreUntouchedAsync()
    {
        var call = new FunctionCallContent("c1", "payments___charge", new Dictionary<string, object?> { ["card"] = "4111 1111 1111 1111" });
        var client = Client(
            ChunkedChatClient.Text("Charging 4111 1111 1111 1111"),
            new ChatResponseUpdate(ChatRole.Assistant, [call]) { MessageId = "m1" },
            ChunkedChatClient.Finish());

        var updates = await ToListAsync(client.GetStreamingResponseAsync([], null, TestContext.Current.CancellationToken));

        var contents = updates.SelectMany(u => u.Contents).ToList();
        var callIndex = contents.FindIndex(c => c is FunctionCallContent);
        Assert.Equal("Charging [CARD ••••1111]", string.Concat(contents.Take(callIndex).OfType<TextContent>().Select(t => t.Text)));
        Assert.Same(call, contents[callIndex]);
        Assert.Equal("4111 1111 1111 1111", call.Arguments!["card"]);
    }

    [Fact]
    public async Task GetResponseAsync_WholeReply_IsMaskedAsync()
    {
        var client = Client(ChunkedChatClient.Text(Reply));

        var response = await client.GetResponseAsync([], null, TestContext.Current.CancellationToken);

        Assert.Equal(Masked, response.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ChannelWithMaskingOff_PassesTheTextThroughAsync()
    {
        var options = new SanitizationOptions();
        options.Replies.Channels["internal"] = new ReplyChannelOptions { Enabled = false };
        var client = new ReplyMaskingChatClient(new ChunkedChatClient(ChunkedChatClient.Text(Reply)), new ReplyMasker(options));
        var chatOptions = new ChatOptions { AdditionalProperties = new() { [ReplyMaskingChatClient.ChannelProperty] = "internal" } };

        var texts = (await ToListAsync(client.GetStreamingResponseAsync([], chatOptions, TestContext.Current.CancellationToken))).Select(u => u.Text);

        Assert.Equal(Reply, string.Concat(texts));
    }

    [Fact]
    public async Task GetResponseAsync_ChannelWithItsOwnKinds_MasksThoseKindsAsync()
    {
        var options = new SanitizationOptions();
        options.Replies.Channels["sms"] = new ReplyChannelOptions { Kinds = [PiiKind.Email] };
        var client = new ReplyMaskingChatClient(new ChunkedChatClient(ChunkedChatClient.Text("Write to ana@example.com about 4111 1111 1111 1111.")), new ReplyMasker(options));
        var chatOptions = new ChatOptions { AdditionalProperties = new() { [ReplyMaskingChatClient.ChannelProperty] = "sms" } };

        var response = await client.GetResponseAsync([], chatOptions, TestContext.Current.CancellationToken);

        Assert.Equal("Write to [EMAIL] about 4111 1111 1111 1111.", response.Text);
    }

    private static ReplyMaskingChatClient Client(params ChatResponseUpdate[] updates) =>
        new(new ChunkedChatClient(updates), new ReplyMasker(new SanitizationOptions()));

    private static async Task<List<string>> StreamAsync(IChatClient client) =>
        [.. (await ToListAsync(client.GetStreamingResponseAsync([], null, TestContext.Current.CancellationToken))).Select(u => u.Text)];

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
