using System.Text;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>Oversized tool results: compressed, chunked, truncated for the prompt, kept whole for history.</summary>
public sealed class DynamoDbLargeTurnTests(DynamoDbLocalFixture dynamo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendTurnAsync_OneMegabyteToolResult_WholeInHistoryAndTruncatedWithMarkerForThePromptAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        var huge = RandomText(1024 * 1024, seed: 42);
        var turn = ToolTurn(session, 1, huge);

        await context.Store.AppendTurnAsync(turn, cancellationToken: Ct);

        var history = Assert.Single(await ReadAllAsync(context.Store, session));
        AssertSameTurn(turn, history);
        Assert.Equal(huge, ResultText(history));
        var found = await context.Store.FindTurnAsync(session, turn.TurnId, Ct);
        Assert.Equal(huge, ResultText(found!));

        var prompt = ResultText(Assert.Single((await context.Store.LoadAsync(session, 10, Ct)).RecentTurns));
        Assert.StartsWith(huge[..1000], prompt, StringComparison.Ordinal);
        Assert.Contains(DynamoDbConversationStoreOptions.TruncationMarkerPrefix, prompt, StringComparison.Ordinal);
        Assert.True(prompt.Length < 70_000, $"The prompt copy has {prompt.Length} characters.");
        Assert.True((await context.SortKeysAsync(session)).Count(k => k.StartsWith("FULL#000000000001#", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task AppendTurnAsync_TextOverCompressionThresholdButUnderPromptLimit_StoredCompressedAndReturnedWholeAsync()
    {
        using var context = await DynamoDbTestContext.CreateAsync(dynamo);
        var session = NewSessionId();
        // 60,000 characters (under the 64 K prompt limit) but over 64 KB of UTF-8 JSON.
        var text = RandomText(30_000, seed: 7) + new string('é', 30_000);
        var turn = Turn(session, 1, text: text);

        await context.Store.AppendTurnAsync(turn, cancellationToken: Ct);

        var item = await context.GetItemAsync(session, "TURN#000000000001");
        Assert.NotNull(item);
        Assert.True(item.ContainsKey("msgz"));
        Assert.False(item.ContainsKey("msg"));
        AssertSameTurn(turn, Assert.Single((await context.Store.LoadAsync(session, 10, Ct)).RecentTurns));
    }

    private static string ResultText(TurnRecord turn) =>
        turn.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result?.ToString() ?? string.Empty;

    private static string RandomText(int length, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(random.Next().ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
        }

        return builder.ToString(0, length);
    }
}
