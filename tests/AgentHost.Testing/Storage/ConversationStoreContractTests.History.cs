using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;
using Xunit;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Testing.Storage;

/// <summary>Reading the whole history, and message round-trips.</summary>
public abstract partial class ConversationStoreContractTests
{
    [Fact]
    public async Task ReadTurnsAsync_ManyTurns_YieldsAllOldestFirstAsync()
    {
        var session = NewSessionId();
        var turns = new List<TurnRecord>();
        for (var sequence = 1; sequence <= 130; sequence++)
        {
            var turn = Turn(session, sequence);
            turns.Add(turn);
            await Store.AppendTurnAsync(turn);
        }

        var stored = await ReadAllAsync(Store, session);

        Assert.Equal(turns.Count, stored.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            AssertSameTurn(turns[i], stored[i]);
        }
    }

    [Fact]
    public async Task ReadTurnsAsync_FromSequence_StartsThereAsync()
    {
        var session = NewSessionId();
        for (var sequence = 1; sequence <= 6; sequence++)
        {
            await Store.AppendTurnAsync(Turn(session, sequence));
        }

        var stored = await ReadAllAsync(Store, session, fromSequence: 4);

        Assert.Equal([4L, 5L, 6L], stored.Select(t => t.Sequence));
    }

    [Fact]
    public async Task ReadTurnsAsync_UnknownSession_YieldsNothingAsync()
    {
        Assert.Empty(await ReadAllAsync(Store, NewSessionId()));
    }

    [Fact]
    public async Task AppendTurnAsync_ToolCallsAndResults_RoundTripAsync()
    {
        var session = NewSessionId();
        var turn = ToolTurn(session, 1, """{"status":"shipped","eta":"tomorrow"}""");
        await Store.AppendTurnAsync(turn);

        var loaded = Assert.Single((await Store.LoadAsync(session, 5)).RecentTurns);

        AssertSameTurn(turn, loaded);
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(loaded.Messages[1].Contents));
        Assert.Equal("call-1", call.CallId);
        Assert.Equal("lookup_order", call.Name);
        Assert.Equal("A-17", call.Arguments?["orderId"]?.ToString());
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(loaded.Messages[2].Contents));
        Assert.Equal("call-1", result.CallId);
        Assert.Contains("shipped", result.Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(ChatRole.Tool, loaded.Messages[2].Role);
        var toolCall = Assert.Single(loaded.Outcome.ToolCalls);
        Assert.Equal("A-17", toolCall.Input.GetProperty("orderId").GetString());
        Assert.Equal(120, loaded.Outcome.Usage.TotalTokens);
    }

    [Fact]
    public async Task AppendTurnAsync_LargeMessage_RoundTripsWholeThroughReadTurnsAndFindAsync()
    {
        var session = NewSessionId();
        var large = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"line {i}: {Guid.NewGuid():N}\n"));
        var turn = ToolTurn(session, 1, large);
        await Store.AppendTurnAsync(turn);

        AssertSameTurn(turn, Assert.Single(await ReadAllAsync(Store, session)));
        var found = await Store.FindTurnAsync(session, turn.TurnId);
        Assert.NotNull(found);
        AssertSameTurn(turn, found);
        Assert.Single((await Store.LoadAsync(session, 5)).RecentTurns);
    }
}
